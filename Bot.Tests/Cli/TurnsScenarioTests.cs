using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class TurnsScenarioTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task MeasuresBothBotsAtBothLoadsWithoutErrors()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new TurnsScenario()]);

        var exitCode = await commandLine.InvokeAsync(
            ["bench", "turns", "--conversations", "2", "--moderate-conversations", "1", "--seconds", "1", "--rounds", "1", "--warm-up", "0",
                "--out", _results.FullName],
            _output,
            TextWriter.Null);

        Assert.Equal(0, exitCode);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(_results.GetFiles()).FullName, TestContext.Current.CancellationToken))!;
        var figures = report["figures"]!.AsArray().ToDictionary(figure => (string)figure!["name"]!, figure => (double)figure!["value"]!);
        foreach (var label in new[] { "echo bot at 2 conversations", "crm bot at 2 conversations", "echo bot at 1 conversations", "crm bot at 1 conversations" })
        {
            Assert.True(figures[$"{label}: turns"] > 0, $"{label} answered no turn:\n{_output}");
            Assert.Equal(0, figures[$"{label}: errors"]);
            Assert.Contains($"{label}: turn p99", figures.Keys);
        }

        Assert.Contains("crm/echo turns at 2 conversations", figures.Keys);
        Assert.Equal("none", (string?)report["parameters"]!["errors"]);
    }

    [Fact]
    public async Task RefusesZeroConversations()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new TurnsScenario()]);

        var exitCode = await commandLine.InvokeAsync(["bench", "turns", "--conversations", "0", "--out", _results.FullName], _output, _output);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--conversations must be at least 1", _output.ToString());
        Assert.Empty(_results.GetFiles());
    }

    public void Dispose()
    {
        _output.Dispose();
        _results.Delete(recursive: true);
    }
}
