using System.Text.Json.Nodes;
using CrmBot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Cli;

public sealed class BenchmarkRunnerTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 30, 15, TimeSpan.Zero));
    private readonly FakeScenario _scenario = new();
    private readonly StringWriter _output = new();

    [Fact]
    public async Task WritesTheFiguresAndPeakWorkingSetAsJsonNamedAfterScenarioAndTime()
    {
        var exitCode = await BenchAsync("fake", "--out", _results.FullName);

        Assert.Equal(0, exitCode);
        var file = Assert.Single(_results.GetFiles());
        Assert.Equal("fake-20260105T093015Z.json", file.Name);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(file.FullName, TestContext.Current.CancellationToken))!;
        Assert.Equal("fake", (string?)report["scenario"]);
        Assert.True((long)report["peakWorkingSetBytes"]! > 0);
        Assert.Equal(Environment.ProcessorCount, (int)report["machine"]!["processorCount"]!);
        Assert.Equal("1", (string?)report["parameters"]!["size"]);
        var throughput = report["figures"]![0]!;
        Assert.Equal("throughput", (string?)throughput["name"]);
        Assert.Equal(1234.5, (double)throughput["value"]!);
        Assert.Equal("req/s", (string?)throughput["unit"]);
    }

    [Fact]
    public async Task PrintsTheFigures()
    {
        await BenchAsync("fake", "--out", _results.FullName);

        var printed = _output.ToString();
        Assert.Contains("peak working set", printed);
        Assert.Contains("1234.5 req/s", printed);
        Assert.Contains("12.25 ms", printed);
        Assert.Contains(_results.FullName, printed);
    }

    [Fact]
    public async Task PassesTheScenarioItsOwnOptions()
    {
        await BenchAsync("fake", "--size", "3", "--out", _results.FullName);

        Assert.Equal(3, _scenario.SizeSeen);
    }

    [Fact]
    public async Task TakesTheOutputDirectoryBeforeTheScenarioToo()
    {
        var exitCode = await BenchAsync("--out", _results.FullName, "fake");

        Assert.Equal(0, exitCode);
        Assert.Single(_results.GetFiles());
    }

    public void Dispose()
    {
        _output.Dispose();
        _results.Delete(recursive: true);
    }

    private Task<int> BenchAsync(params string[] args)
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [_scenario], _time);
        return commandLine.InvokeAsync(["bench", .. args], _output, TextWriter.Null);
    }
}
