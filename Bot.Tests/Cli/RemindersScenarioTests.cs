using System.Text.Json.Nodes;
using CrmBot.Benchmarks;
using CrmBot.Hosting;

namespace CrmBot.Tests.Cli;

public sealed class RemindersScenarioTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("crmbot-bench-");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task TheServerInAChildProcessDeliversEveryReminderOnceAlsoWhenKilledMidway()
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new RemindersScenario()]);

        var exitCode = await commandLine.InvokeAsync(
            ["bench", "reminders", "--reminders", "50", "--reps", "5", "--trigger", "--jobs-poll-ms", "200", "--timeout", "60", "--out", _results.FullName],
            _output,
            _output);

        Assert.True(exitCode == 0, _output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(_results.GetFiles()).FullName, TestContext.Current.CancellationToken))!;
        // A figure with nothing to measure (e.g. no delivery left after the restart) is NaN, written as a string.
        var figures = report["figures"]!.AsArray().ToDictionary(
            figure => (string)figure!["name"]!,
            figure => figure!["value"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? double.Parse((string)figure["value"]!, System.Globalization.CultureInfo.InvariantCulture) : (double)figure["value"]!);
        Assert.Equal(50, figures["reminders"]);
        Assert.Equal(50, figures["normal run: reminders delivered once"]);
        Assert.Equal(0, figures["normal run: reminders delivered twice or more"]);
        Assert.True(figures["normal run: all settled after due"] > 0, _output.ToString());
        Assert.True(figures["normal run: deliveries, first claim to last sent"] > 0, _output.ToString());
        Assert.Equal(0, figures["kill run: reminders delivered twice or more"]);
        Assert.Equal(50, figures["kill run: reminders delivered once"] + figures["kill run: reminders not delivered"]);
        Assert.True(figures["kill run: reminders not delivered"] <= figures["kill run: claims the kill left in Sending"], _output.ToString());
        Assert.Contains("kill run: all settled after the restart", figures.Keys);
    }

    public void Dispose()
    {
        _output.Dispose();
        _results.Delete(recursive: true);
    }
}
