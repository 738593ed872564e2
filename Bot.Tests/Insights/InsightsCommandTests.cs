using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Insights;

/// <summary><c>train</c> and <c>evaluate</c> as a person runs them, on a data directory the demo shop is loaded into.</summary>
public sealed class InsightsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crmbot-insights-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DataDirectory => Path.Combine(_folder.FullName, "data");

    [Fact]
    public async Task EvaluateReportsTheModelAgainstTheBaselineAndWritesEachCustomersScore()
    {
        var report = Path.Combine(_folder.FullName, "report.json");
        var scores = Path.Combine(_folder.FullName, "scores.csv");

        var exitCode = await InvokeAsync("evaluate", "--as-of", "2026-09-01", "--out", report, "--scores", scores);

        Assert.True(exitCode == 0, _error.ToString());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report, Ct))!;
        var customers = (int)json["customers"]!;
        Assert.InRange((double)json["auc"]!, 0.6, 1);
        Assert.InRange((double)json["pr_auc"]!, 0, 1);
        Assert.InRange((double)json["baseline_auc"]!, 0.5, 1);
        Assert.Equal(30, (int)json["horizon_days"]!);
        var lines = await File.ReadAllLinesAsync(scores, Ct);
        Assert.Equal("external_id,score,label", lines[0]);
        Assert.Equal(customers, lines.Length - 1);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.All(rows, row => Assert.StartsWith("demo-", row[0], StringComparison.Ordinal));
        Assert.All(rows, row => Assert.InRange(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), 0, 100));
        Assert.Equal(Math.Round((double)json["positive_rate"]! * customers), rows.Count(row => row[2] == "1"));
        Assert.Contains("Reliability of", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainSavesANewVersionOfTheModel()
    {
        var exitCode = await InvokeAsync("train");

        Assert.True(exitCode == 0, _error.ToString());
        Assert.Matches(@"Trained as of 2026-11-25 on [\d,]+ examples; kept: ", _output.ToString());
        var models = Path.Combine(DataDirectory, "models");
        Assert.Single(Directory.GetFiles(models, "purchase-*.json"));
    }

    [Theory]
    [InlineData("yesterday", "'yesterday' is not a date: write it as yyyy-MM-dd")]
    [InlineData("2026-12-31", "2026-12-31 is in the future: evaluate scores what happened after the as-of date")]
    public async Task AnAsOfDateItCannotUseIsSaidPlainly(string asOf, string message)
    {
        var exitCode = await InvokeAsync("evaluate", "--as-of", asOf);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new DomainScenario()], new FakeTimeProvider(Now));
        return commandLine.InvokeAsync([.. args, "--Database:DataDirectory", DataDirectory], _output, _error);
    }
}
