using CrmBot.Dialogs;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Dialogs;

public sealed class TextPromptTests
{
    [Fact]
    public async Task AcceptsAnyTextTrimmed()
    {
        var root = TestDialogs.AskAndTell(new TextPrompt("text"), TestDialogs.Ask("Your name?"), result => $"[{result}]");

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("  Ann Lee ").AssertReply("[Ann Lee]")
            .StartTestAsync();
    }

    [Fact]
    public async Task AsksAgainWhenTheMessageHasNoText()
    {
        var root = TestDialogs.AskAndTell(new TextPrompt("text"), TestDialogs.Ask("Your name?"), result => $"[{result}]");
        var pictureOnly = new Activity(ActivityTypes.Message) { Attachments = [new Attachment("image/png", "https://example.test/a.png")] };

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send(pictureOnly).AssertReply("Please type your answer. Your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AValidatorThatExplainsTheProblemReplacesTheRetry()
    {
        var prompt = new TextPrompt("text", async (context, ct) =>
        {
            if (context.Recognized.Value is { Length: >= 2 })
            {
                return true;
            }

            await context.Context.SendActivityAsync($"Attempt {context.AttemptCount}: a name has at least two letters.", cancellationToken: ct);
            return false;
        });
        var root = TestDialogs.AskAndTell(prompt, TestDialogs.Ask("Your name?"), result => $"[{result}]");

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("A").AssertReply("Attempt 1: a name has at least two letters.")
            .Send("B").AssertReply("Attempt 2: a name has at least two letters.")
            .Send("Bo").AssertReply("[Bo]")
            .StartTestAsync();
    }

    [Fact]
    public async Task ATurnThatIsNotAMessageLeavesThePromptWaiting()
    {
        var root = TestDialogs.AskAndTell(new TextPrompt("text"), TestDialogs.Ask("Your name?"), result => $"[{result}]");

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send(new Activity(ActivityTypes.Typing)).AssertNoReply("no reply", DialogTestBot.NoReplyTimeout)
            .Send("Ann").AssertReply("[Ann]")
            .StartTestAsync();
    }
}
