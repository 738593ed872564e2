using CrmBot.Dialogs;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Dialogs;

/// <summary>A deploy between two turns of a conversation: the second turn runs new dialogs on the stack the old ones stored.</summary>
public sealed class DialogVersionTests
{
    private const string Restart = "I've been updated since we last spoke, so let's start over.";

    [Fact]
    public async Task AWaterfallWithAnotherNumberOfStepsRestartsTheConversationPolitely()
    {
        var storage = new JsonTextStorage();
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        var updated = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root"), extraStep: true), storage);
        await updated.Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Waiting, updated.Results[0].Status);
    }

    [Fact]
    public async Task ADialogThatNoLongerExistsRestartsTheConversationPolitely()
    {
        var storage = new JsonTextStorage();
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root"), waterfallId: "order-steps-v2"), storage).Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChangeInsideANestedComponentRestartsTheConversation()
    {
        static ComponentDialog Main(ComponentDialog order) => new ComponentDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync("order", null, ct)]))
            .AddDialog(order);
        var storage = new JsonTextStorage();
        await new DialogTestBot(Main(TestDialogs.Order(new ComponentDialog("order"))), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        var changedInside = TestDialogs.Order(new ComponentDialog("order")).AddDialog(new TextPrompt("email"));
        await new DialogTestBot(Main(changedInside), storage).Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnUnchangedDeployContinuesWhereTheConversationWas()
    {
        var storage = new JsonTextStorage();
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage).Flow()
            .Send("Ann").AssertReply("How many boxes?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("""{"DialogState":{"DialogStack":"not a stack"}}""")]
    [InlineData("""{"DialogState":[1,2,3]}""")]
    [InlineData("""{"DialogState":{"DialogStack":[null]}}""")]
    [InlineData("""{"DialogState":{"DialogStack":[{"State":{}}]}}""")]
    [InlineData("""{"DialogState":{"DialogStack":[{"Id":"root","State":{}}]}}""")]
    [InlineData("""{"DialogState":{"DialogStack":[{"Id":"root","Version":"root:000000000000","State":{}}]}}""")]
    public async Task StateThatNoLongerFitsTheDialogsRestartsTheConversationPolitely(string storedState)
    {
        var storage = new JsonTextStorage();
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage);
        storage[bot.StateKey] = storedState;

        await bot.Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("options")]
    [InlineData("activities")]
    public async Task PromptOptionsThatNoLongerReadRestartTheConversationPolitely(string key)
    {
        var storage = new JsonTextStorage();
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage);
        await bot.Flow().Send("hi").AssertReply("What's your name?").Send("Ann").AssertReply("How many boxes?").StartTestAsync();
        var state = JObject.Parse(storage[bot.StateKey]);
        var prompt = state.SelectTokens("$..DialogStack[*].State").Single(instance => instance[key] is not null && instance["state"] is not null);
        prompt[key] = "{\"Choices\": 7";
        storage[bot.StateKey] = state.ToString();

        // The question is read only when it is asked again, after an answer the prompt cannot accept.
        await bot.Flow()
            .Send("lots").AssertReply(Restart).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AStoredValueThatNoLongerReadsRestartsTheConversationPolitely()
    {
        var storage = new JsonTextStorage();
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage);
        await bot.Flow().Send("hi").AssertReply("What's your name?").StartTestAsync();
        storage[bot.StateKey] = storage[bot.StateKey].Replace("\"attemptCount\":0", "\"attemptCount\":\"many\"", StringComparison.Ordinal);

        await bot.Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AComponentsInnerStackThatNoLongerReadsRestartsTheConversationPolitely()
    {
        var storage = new JsonTextStorage();
        var bot = new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage);
        await bot.Flow().Send("hi").AssertReply("What's your name?").StartTestAsync();
        var state = JObject.Parse(storage[bot.StateKey]);
        state.SelectToken("$..State.dialogs")!["DialogStack"] = "many";
        storage[bot.StateKey] = state.ToString();

        await bot.Flow()
            .Send("Ann").AssertReply(Restart).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public void AComponentsVersionChangesWithAnyOfItsDialogs()
    {
        var before = TestDialogs.Order(new ComponentDialog("root")).Version;

        Assert.Equal(before, TestDialogs.Order(new ComponentDialog("root")).Version);
        Assert.NotEqual(before, TestDialogs.Order(new ComponentDialog("root"), extraStep: true).Version);
        Assert.NotEqual(before, TestDialogs.Order(new ComponentDialog("root")).AddDialog(new TextPrompt("email")).Version);
        Assert.NotEqual(before, new ComponentDialog("root").AddDialog(new WaterfallDialog("order-steps")).Version);
    }

    [Fact]
    public async Task TheRestartNoticeIsInTheLanguageOfTheTurn()
    {
        var storage = new JsonTextStorage();
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), storage, locale: "zh-CN").Flow()
            .Send("你好").AssertReply("What's your name?")
            .StartTestAsync();

        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root"), extraStep: true), storage, locale: "zh-CN").Flow()
            .Send("张三").AssertReply("自从我们上次聊天后我已经更新了，我们从头开始吧。")
            .StartTestAsync();
    }

    [Fact]
    public async Task AConversationWithoutStateSimplyBegins()
    {
        await new DialogTestBot(TestDialogs.Order(new ComponentDialog("root")), new MemoryStorage()).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();
    }
}
