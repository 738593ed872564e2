using System.Globalization;
using CrmBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Dialogs;

/// <summary>The clock says Wednesday 25 November 2026, 12:30 UTC: 20:30 in Shanghai, 07:30 in New York.</summary>
public sealed class DateTimePromptTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("en-US", "tomorrow at 10", "2026-11-26T10:00:00+08:00")]
    [InlineData("en-US", "next Friday 3pm", "2026-12-04T15:00:00+08:00")]
    [InlineData("en-US", "Friday 3pm", "2026-11-27T15:00:00+08:00")]
    [InlineData("en-US", "at 9", "2026-11-25T21:00:00+08:00")]
    [InlineData("en-US", "in 2 hours", "2026-11-25T22:30:00+08:00")]
    [InlineData("en-US", "tomorrow afternoon", "2026-11-26T12:00:00+08:00")]
    [InlineData("zh-CN", "明天上午十点", "2026-11-26T10:00:00+08:00")]
    [InlineData("zh-CN", "下周五下午三点", "2026-12-04T15:00:00+08:00")]
    public async Task ResolvesTheMomentInTheUsersTimeZoneTakingTheNextOneWhenAmbiguous(string locale, string answer, string expected)
    {
        await new DialogTestBot(AskWhen("Asia/Shanghai"), locale: locale).Flow()
            .Send("hi").AssertReply("When?")
            .Send(answer).AssertReply($"at {expected} with time")
            .StartTestAsync();
    }

    [Fact]
    public async Task ADayAloneIsTheStartOfThatDayWithoutATime()
    {
        await new DialogTestBot(AskWhen("Asia/Shanghai")).Flow()
            .Send("hi").AssertReply("When?")
            .Send("tomorrow").AssertReply("at 2026-11-26T00:00:00+08:00 without time")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheSameWordsMeanAnotherMomentInAnotherTimeZone()
    {
        await new DialogTestBot(AskWhen("America/New_York")).Flow()
            .Send("hi").AssertReply("When?")
            .Send("at 9").AssertReply("at 2026-11-25T09:00:00-05:00 with time")
            .StartTestAsync();
    }

    [Fact]
    public async Task WithoutATimeZoneTheMomentIsInUtc()
    {
        await new DialogTestBot(AskWhen(timeZone: null)).Flow()
            .Send("hi").AssertReply("When?")
            .Send("tomorrow at 10").AssertReply("at 2026-11-26T10:00:00+00:00 with time")
            .StartTestAsync();
    }

    [Fact]
    public async Task AsksAgainWithExamplesWhenTheAnswerHasNoDate()
    {
        await new DialogTestBot(AskWhen("Asia/Shanghai")).Flow()
            .Send("hi").AssertReply("When?")
            .Send("whenever suits you").AssertReply("Sorry, I didn't catch a date. You could say \"tomorrow at 10\" or \"next Friday 3pm\". When?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AValidatorCanInsistOnATime()
    {
        var prompt = new DateTimePrompt("when", (context, ct) => Task.FromResult(context.Recognized.Value?.HasTime == true), _clock);
        var root = TestDialogs.AskAndTell(prompt, new PromptOptions
        {
            Prompt = MessageFactory.Text("When?"),
            RetryPrompt = MessageFactory.Text("At what time?"),
            TimeZone = "Asia/Shanghai",
        }, Describe);

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("When?")
            .Send("tomorrow").AssertReply("At what time?")
            .Send("tomorrow at 4pm").AssertReply("at 2026-11-26T16:00:00+08:00 with time")
            .StartTestAsync();
    }

    private ComponentDialog AskWhen(string? timeZone) =>
        TestDialogs.AskAndTell(
            new DateTimePrompt("when", timeProvider: _clock),
            new PromptOptions { Prompt = MessageFactory.Text("When?"), TimeZone = timeZone },
            Describe);

    private static string Describe(object? result) => result is ResolvedDateTime moment
        ? $"at {moment.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)} {(moment.HasTime ? "with" : "without")} time"
        : $"unexpected {result}";
}
