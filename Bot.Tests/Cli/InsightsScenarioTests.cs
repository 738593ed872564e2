using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class InsightsScenarioTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task ReportsTrainingPredictionScoringAndCallPlanFiguresOfAModelThatLearned()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new InsightsScenario()]);

        var exitCode = await commandLine.InvokeAsync(
            ["bench", "insights", "--customers", "1000", "--predictions", "100", "--reps", "3", "--out", _results.FullName], _output, _output);

        Assert.True(exitCode == 0, _output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(_results.GetFiles()).FullName, TestContext.Current.CancellationToken))!;
        var figures = report["figures"]!.AsArray().ToDictionary(figure => (string)figure!["name"]!, figure => (double)figure!["value"]!);
        Assert.True(figures["training (whole Train call)"] > 0, _output.ToString());
        Assert.True(figures["training examples"] > 1000, _output.ToString());
        Assert.True(figures["validation ROC-AUC: FastTree"] > figures["validation ROC-AUC: RFM baseline"] - 0.05, _output.ToString());
        Assert.True(figures["validation ROC-AUC: RFM baseline"] > 0.6, _output.ToString());
        Assert.Contains("training part: fitting LightGBM", figures.Keys);
        Assert.True(figures["prediction with explanation p50"] > 0, _output.ToString());
        Assert.Contains("features + prediction p99", figures.Keys);
        Assert.True(figures["scoring all customers (features + score, sequential)"] > 0, _output.ToString());
        Assert.Equal(90, figures["calls planned"]);
    }

    public void Dispose()
    {
        _output.Dispose();
        _results.Delete(recursive: true);
    }
}
