using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class WorkflowsScenarioTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task ScansStartsAndExecutesRunsOnceThenFindsNothingNewOnTheSecondScan()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new WorkflowsScenario()]);
        var results = Path.Combine(_folder.FullName, "results");

        // 2,100 customers: two pages of the scan.

        var exitCode = await commandLine.InvokeAsync(
            ["bench", "workflows", "--customers", "2100", "--orders", "4000", "--interactions", "1500", "--data", Path.Combine(_folder.FullName, "data"),
                "--out", results],
            _output,
            _output);

        Assert.True(exitCode == 0, _output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(results)), TestContext.Current.CancellationToken))!;
        var figures = report["figures"]!.AsArray().ToDictionary(figure => (string)figure!["name"]!, figure => (double)figure!["value"]!);
        Assert.Equal(2100, figures["customers"]);
        Assert.Equal(4000, figures["orders"]);
        Assert.True(figures["first scan: runs started"] > 0, _output.ToString());
        Assert.Contains("first scan: runs started by orderInState", figures.Keys);
        Assert.Contains("first scan: runs started by schedule", figures.Keys);
        Assert.Contains("first scan: runs started by noContact", figures.Keys);
        Assert.Contains("first scan: runs started by likelihoodAbove", figures.Keys);
        Assert.Contains("first scan: managed heap growth (peak - before)", figures.Keys);
        Assert.Equal(figures["first scan: runs started"], figures["executor: runs finished"]);
        Assert.Equal(0, figures["second scan: runs started"]);
    }

    public void Dispose()
    {
        _output.Dispose();
        _folder.Delete(recursive: true);
    }
}
