using CrmBot.Dialogs;
using Microsoft.Bot.Builder;

namespace CrmBot.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task RunsItsStepsInOrderWithTheValuesOfEarlierTurns()
    {
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")));

        await bot.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send("three").AssertReply("Order 3 boxes for Ann?")
            .Send("yes").AssertReply("Ordered 3 boxes for Ann.")
            .StartTestAsync();

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Ordered 3 boxes for Ann."), bot.Results[^1]);
        Assert.All(bot.Results[..^1], result => Assert.Equal(DialogTurnStatus.Waiting, result.Status));
    }

    [Fact]
    public async Task NextAsyncRunsTheNextStepInTheSameTurnWithItsResult()
    {
        var waterfall = new WaterfallDialog("steps",
        [
            (step, ct) => step.NextAsync("skipped ahead", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index}: {step.Result} ({step.Reason})", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await new DialogTestBot(waterfall).Flow()
            .Send("hi").AssertReply("step 1: skipped ahead (NextCalled)")
            .StartTestAsync();
    }

    [Fact]
    public async Task StepsReadTheOptionsTheWaterfallWasBegunWithAfterTheyWereStored()
    {
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main",
            [
                (step, ct) => step.BeginDialogAsync("greet", new Greeting("Ann", Visits: 3), ct),
            ]))
            .AddDialog(new WaterfallDialog("greet",
            [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask("Ready?"), ct),
                async (step, ct) =>
                {
                    var greeting = step.GetOptions<Greeting>()!;
                    await step.Context.SendActivityAsync($"Welcome back {greeting.Name}, visit {greeting.Visits}.", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(new TextPrompt("text"));

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Ready?")
            .Send("yes").AssertReply("Welcome back Ann, visit 3.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AMessageToAWaterfallWaitingWithoutAPromptIsTheNextStepsResult()
    {
        var waterfall = new WaterfallDialog("steps",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Say anything.", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"You said {step.Result}.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await new DialogTestBot(waterfall).Flow()
            .Send("hi").AssertReply("Say anything.")
            .Send("pineapple").AssertReply("You said pineapple.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AfterItsLastStepTheConversationBeginsAgain()
    {
        var waterfall = new WaterfallDialog("steps",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(MessageFactory.Text("Hello."), ct);
                return await step.EndDialogAsync("done", ct);
            },
        ]);
        var bot = new DialogTestBot(waterfall);

        await bot.Flow()
            .Send("hi").AssertReply("Hello.")
            .Send("hi again").AssertReply("Hello.")
            .StartTestAsync();

        Assert.All(bot.Results, result => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "done"), result));
    }

    private sealed record Greeting(string Name, int Visits);
}
