using System.Text.Json.Nodes;
using CrmBot.Hosting;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

public sealed class RecognizeCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public async Task PrintsTheIntentScoreAndEntitiesOfATextAsIndentedJson()
    {
        var exitCode = await InvokeAsync("recognize", "refund 20 on SO-10042");

        Assert.Equal(0, exitCode);
        var printed = _output.ToString();
        Assert.Contains("\n  \"intent\": \"RefundOrder\"", printed.ReplaceLineEndings("\n"));
        var json = JsonNode.Parse(printed)!;
        Assert.Equal("refund 20 on SO-10042", (string?)json["text"]);
        Assert.True((double)json["score"]! >= 0.5);
        var entities = json["entities"]!.AsArray();
        Assert.Equal(["money", "orderNumber"], entities.Select(e => (string?)e!["kind"]));
        Assert.Equal(20m, (decimal)entities[0]!["amount"]!);
        Assert.Equal("SO-10042", (string?)entities[1]!["number"]);
    }

    [Fact]
    public async Task TakesTheWordsOfTheTextWithoutQuotes()
    {
        await InvokeAsync("recognize", "track", "SO-10042");

        Assert.Equal("TrackOrder", (string?)JsonNode.Parse(_output.ToString())!["intent"]);
    }

    [Fact]
    public async Task ReadsInTheCultureAskedForAndWritesChineseAsIs()
    {
        await InvokeAsync("recognize", "明天上午十点提醒我给张三打电话", "--culture", "zh-CN");

        var printed = _output.ToString();
        Assert.Contains("\"张三\"", printed);
        var json = JsonNode.Parse(printed)!;
        Assert.Equal("zh-CN", (string?)json["culture"]);
        Assert.Equal("SetReminder", (string?)json["intent"]);
        var moment = json["entities"]!.AsArray().Single(e => (string?)e!["kind"] == "dateTime")!;
        Assert.Equal("2026-11-26T10:00:00+08:00", (string?)moment["resolved"]);
        Assert.Equal("2026-11-26T10", (string?)moment["timex"]);
    }

    [Fact]
    public async Task ReadsDatesInTheTimeZoneAskedFor()
    {
        await InvokeAsync("recognize", "remind me tomorrow at 10", "--time-zone", "Europe/London");

        var moment = JsonNode.Parse(_output.ToString())!["entities"]![0]!;
        Assert.Equal("2026-11-26T10:00:00+00:00", (string?)moment["resolved"]);
    }

    [Fact]
    public async Task PrintsOneJsonObjectPerLineOfAFileSkippingBlankLines()
    {
        await File.WriteAllLinesAsync(_file, ["track SO-10042", "", "我想买三个蓝色杯子", "hi"], TestContext.Current.CancellationToken);

        var exitCode = await InvokeAsync("recognize", "--file", _file, "--culture", "zh");

        Assert.Equal(0, exitCode);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["TrackOrder", "PlaceOrder", "Greeting"], lines.Select(line => (string?)JsonNode.Parse(line)!["intent"]));
    }

    [Fact]
    public async Task HelpExplainsTheTextFileAndCultureOptions()
    {
        var exitCode = await InvokeAsync("recognize", "--help");

        Assert.Equal(0, exitCode);
        var help = _output.ToString();
        Assert.Contains("--file <path>", help);
        Assert.Contains("--culture <culture>", help);
        Assert.Contains("--time-zone <zone>", help);
        Assert.Contains("JSON", help);
    }

    [Fact]
    public async Task IsListedInTheHelpOfTheWholeProgram()
    {
        await InvokeAsync("--help");

        Assert.Contains("recognize", _output.ToString());
    }

    [Theory]
    [InlineData(new string[] { "recognize" }, "Give the text to recognise, or --file <path>.")]
    [InlineData(new string[] { "recognize", "hi", "--file", "lines.txt" }, "Give a text or --file <path>, not both.")]
    [InlineData(new string[] { "recognize", "hi", "--time-zone", "Mars/Olympus" }, "Unknown time zone 'Mars/Olympus'")]
    public async Task RefusesAnIncompleteOrContradictoryCommand(string[] args, string message)
    {
        var exitCode = await InvokeAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, _error.ToString());
    }

    [Fact]
    public async Task SaysWhichFileIsMissing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "crmbot-no-such-file.txt");

        var exitCode = await InvokeAsync("recognize", "--file", missing);

        Assert.Equal(1, exitCode);
        Assert.Contains($"File not found: {missing}", _error.ToString());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        File.Delete(_file);
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [], Clock());
        return commandLine.InvokeAsync(args, _output, _error);
    }
}
