using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class DirectLineScenarioTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task WebChatVisitorsGetEveryReplyThroughTheDirectLineEndpoint()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new DirectLineScenario()]);

        var exitCode = await commandLine.InvokeAsync(
            ["bench", "directline", "--visitors", "2", "--seconds", "1", "--warm-up", "0", "--out", _results.FullName], _output, TextWriter.Null);

        Assert.Equal(0, exitCode);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(_results.GetFiles()).FullName, TestContext.Current.CancellationToken))!;
        var figures = report["figures"]!.AsArray().ToDictionary(figure => (string)figure!["name"]!, figure => (double)figure!["value"]!);
        foreach (var load in new[] { 1, 2 })
        {
            var label = $"web chat (post, then poll) at {load} conversations";
            Assert.True(figures[$"{label}: turns"] > 0, $"{label} answered no turn:\n{_output}");
            Assert.Equal(0, figures[$"{label}: errors"]);
            Assert.Contains($"{label}: turn p95", figures.Keys);
        }

        Assert.Equal("none", (string?)report["parameters"]!["errors"]);
    }

    public void Dispose()
    {
        _output.Dispose();
        _results.Delete(recursive: true);
    }
}
