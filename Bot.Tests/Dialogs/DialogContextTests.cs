using CrmBot.Dialogs;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Dialogs;

public sealed class DialogContextTests
{
    [Fact]
    public async Task AComponentKeepsItsDialogsOnItsOwnInnerStack()
    {
        var storage = new JsonTextStorage();
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage);

        await bot.Flow().Send("hi").AssertReply("What's your name?").StartTestAsync();

        var outer = (JArray)JObject.Parse(storage[bot.StateKey])["DialogState"]!["DialogStack"]!;
        var inner = (JArray)outer[0]["State"]!["dialogs"]!["DialogStack"]!;
        Assert.Equal(["root"], outer.Select(instance => (string)instance["Id"]!));
        Assert.Equal(["name", "order-steps"], inner.Select(instance => (string)instance["Id"]!));
    }

    [Fact]
    public async Task AComponentEndsWithTheResultOfItsInnerDialogsAndResumesTheDialogThatBeganIt()
    {
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main",
            [
                (step, ct) => step.BeginDialogAsync("order", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"The order dialog said: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(TestDialogs.Order(new ComponentDialog("order")));

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send("2").AssertReply("Order 2 boxes for Ann?")
            .Send("no").AssertReply("Nothing ordered.")
            .AssertReply("The order dialog said: Nothing ordered.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceEndsTheActiveDialogAndTheDialogBelowWaitsForTheReplacement()
    {
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main",
            [
                (step, ct) => step.BeginDialogAsync("ask", null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"main resumed with: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]))
            .AddDialog(new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask("Your name?"), ct),
                (step, ct) => step.ReplaceDialogAsync("thank", step.Result, ct),
            ]))
            .AddDialog(new WaterfallDialog("thank",
            [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask($"Thanks {step.Options}. Anything else?"), ct),
                (step, ct) => step.EndDialogAsync($"thanked, then {step.Result}", ct),
            ]))
            .AddDialog(new TextPrompt("text"));

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ann").AssertReply("Thanks Ann. Anything else?")
            .Send("no").AssertReply("main resumed with: thanked, then no")
            .StartTestAsync();
    }

    [Fact]
    public async Task AWaterfallThatReplacesItselfLoopsWithoutGrowingTheStack()
    {
        var storage = new JsonTextStorage();
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("loop",
            [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask("Say something."), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"You said {step.Result}.", cancellationToken: ct);
                    return await step.ReplaceDialogAsync("loop", null, ct);
                },
            ]))
            .AddDialog(new TextPrompt("text"));
        var bot = new DialogTestBot(root, storage);

        await bot.Flow()
            .Send("hi").AssertReply("Say something.")
            .Send("one").AssertReply("You said one.").AssertReply("Say something.")
            .Send("two").AssertReply("You said two.").AssertReply("Say something.")
            .StartTestAsync();

        var inner = JObject.Parse(storage[bot.StateKey])["DialogState"]!["DialogStack"]![0]!["State"]!["dialogs"]!["DialogStack"]!;
        Assert.Equal(["text", "loop"], inner.Select(instance => (string)instance["Id"]!));
    }

    [Fact]
    public async Task CancelAllEmptiesTheStackAndTheNextMessageBeginsAnew()
    {
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main",
            [
                (step, ct) => step.PromptAsync("text", TestDialogs.Ask("Shall we stop?"), ct),
                (step, ct) => step.CancelAllDialogsAsync(cancelParents: true, ct),
            ]))
            .AddDialog(new TextPrompt("text"));
        var bot = new DialogTestBot(root);

        await bot.Flow()
            .Send("hi").AssertReply("Shall we stop?")
            .Send("yes").AssertNoReply("no reply", DialogTestBot.NoReplyTimeout)
            .Send("hello again").AssertReply("Shall we stop?")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, bot.Results[1].Status);
    }

    [Fact]
    public async Task BeginningADialogNobodyAddedFailsWithAClearMessage()
    {
        var root = new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestBot(root).Flow().Send("hi").StartTestAsync());

        Assert.Equal("There is no dialog 'nowhere' to begin: add it to the dialog set or component first.", error.Message);
    }

    [Fact]
    public void ADialogSetRefusesTwoDialogsWithTheSameId()
    {
        var dialogs = new DialogSet().Add(new TextPrompt("text"));

        var error = Assert.Throws<InvalidOperationException>(() => dialogs.Add(new ConfirmPrompt("text")));

        Assert.Equal("The dialog set already has another dialog with the id 'text'.", error.Message);
    }

    [Fact]
    public async Task APromptNeedsPromptOptions()
    {
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("text", "What's your name?", ct)]))
            .AddDialog(new TextPrompt("text"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new DialogTestBot(root).Flow().Send("hi").StartTestAsync());

        Assert.StartsWith("The prompt 'text' needs PromptOptions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepsCanBeginDialogsOfTheComponentAbove()
    {
        var inner = new ComponentDialog("inner")
            .AddDialog(new WaterfallDialog("inner-steps", [(step, ct) => step.PromptAsync("shared-text", TestDialogs.Ask("Asked with the outer prompt."), ct)]));
        var root = new ComponentDialog("root")
            .AddDialog(new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("inner", null, ct)]))
            .AddDialog(inner)
            .AddDialog(new TextPrompt("shared-text"));

        await new DialogTestBot(root).Flow()
            .Send("hi").AssertReply("Asked with the outer prompt.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ActivitiesInPromptOptionsAreNotChangedBySending()
    {
        var question = MessageFactory.Text("Your name?");
        var root = TestDialogs.AskAndTell(new TextPrompt("text"), new PromptOptions { Prompt = question }, result => $"[{result}]");

        await new DialogTestBot(root, new MemoryStorage()).Flow()
            .Send("hi").AssertReply("Your name?")
            .StartTestAsync();

        Assert.Null(question.Conversation);
        Assert.Null(question.Id);
    }
}
