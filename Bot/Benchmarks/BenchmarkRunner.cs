using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBot.Benchmarks;

/// <summary>Runs a scenario, then prints its figures and writes them as JSON.</summary>
public sealed class BenchmarkRunner(TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Returns the file the report was written to.</summary>
    public async Task<FileInfo> RunAsync(IBenchmarkScenario scenario, BenchmarkContext context, DirectoryInfo outputDirectory)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var result = await scenario.RunAsync(context);
        var duration = timeProvider.GetElapsedTime(started);

        using var process = Process.GetCurrentProcess();
        var report = new BenchmarkReport(
            scenario.Name, startedAt, duration.TotalSeconds, process.PeakWorkingSet64, BenchmarkMachine.Current, result.Parameters, result.Figures);

        Print(report, context.Output);
        var file = await WriteAsync(report, outputDirectory, context.CancellationToken);
        await context.Output.WriteLineAsync($"Written to {file.FullName}");
        return file;
    }

    private static void Print(BenchmarkReport report, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine($"{report.Scenario}: {report.DurationSeconds.ToString("0.00", culture)} s, peak working set {(report.PeakWorkingSetBytes / 1024.0 / 1024.0).ToString("0.0", culture)} MiB");
        foreach (var (name, value) in report.Parameters)
        {
            output.WriteLine($"  {name} = {value}");
        }

        var width = report.Figures.Select(figure => figure.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var figure in report.Figures)
        {
            output.WriteLine($"  {figure.Name.PadRight(width)}  {figure.Value.ToString("G6", culture)} {figure.Unit}");
        }
    }

    private static async Task<FileInfo> WriteAsync(BenchmarkReport report, DirectoryInfo outputDirectory, CancellationToken cancellationToken)
    {
        outputDirectory.Create();
        var timestamp = report.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var file = new FileInfo(Path.Combine(outputDirectory.FullName, $"{report.Scenario}-{timestamp}.json"));

        await using var stream = file.Create();
        await JsonSerializer.SerializeAsync(stream, report, JsonOptions, cancellationToken);
        return file;
    }
}
