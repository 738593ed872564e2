using CrmBot.Dialogs;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Dialogs;

/// <summary>The dialog stack lives in conversation state, so it must come back whole from any Bot Framework storage.</summary>
public sealed class DialogStateStorageTests
{
    public static TheoryData<string> Storages => ["memory", "json text"];

    [Fact]
    public async Task MemoryStorageStoresACopyButKeepsTheClrTypesOfValues()
    {
        var storage = new MemoryStorage();
        var stored = new DialogState { DialogStack = [new DialogInstance { Id = "a", State = { ["count"] = 3, ["nested"] = new Dictionary<string, object?>() } }] };

        await storage.WriteAsync(new Dictionary<string, object> { ["key"] = stored }, TestContext.Current.CancellationToken);
        stored.DialogStack.Clear();
        var read = (await storage.ReadAsync(["key"], TestContext.Current.CancellationToken))["key"];

        // A copy, serialized with Newtonsoft (type names included): unlike a database, it hands back the same types.
        var state = Assert.IsType<DialogState>(read);
        var instance = Assert.Single(state.DialogStack);
        Assert.IsType<int>(instance.State["count"]);
        Assert.IsType<Dictionary<string, object>>(instance.State["nested"]);
    }

    [Fact]
    public async Task JsonTextStorageHandsBackJsonShapesLikeTheDatabaseDoes()
    {
        var storage = new JsonTextStorage();
        var stored = new DialogState { DialogStack = [new DialogInstance { Id = "a", State = { ["count"] = 3 } }] };

        await storage.WriteAsync(new Dictionary<string, object> { ["key"] = stored }, TestContext.Current.CancellationToken);
        var read = (await storage.ReadAsync(["key"], TestContext.Current.CancellationToken))["key"];

        var json = Assert.IsType<JObject>(read);
        Assert.Equal(JTokenType.Integer, json["DialogStack"]![0]!["State"]!["count"]!.Type);
    }

    [Fact]
    public void StateValuesReadAsTheTypeAskedForWhateverShapeStorageGaveThem()
    {
        var state = new Dictionary<string, object?>
        {
            ["long"] = 3L,
            ["object"] = JObject.Parse("""{"Name":"Ann","Visits":2}"""),
            ["list"] = JArray.Parse("""["a","b"]"""),
            ["missing"] = null,
        };

        Assert.Equal(3, state.GetValue<int>("long"));
        Assert.Equal(new Visitor("Ann", 2), state.GetValue<Visitor>("object"));
        Assert.Equal(["a", "b"], state.GetValue<List<string>>("list")!);
        Assert.Null(state.GetValue<string>("missing"));
        Assert.Equal(0, state.GetValue<int>("absent"));
        Assert.IsType<Visitor>(state["object"]);
    }

    [Fact]
    public void AComponentsInnerStackIsReadAsADialogStateAndOtherValuesAsJsonShapes()
    {
        const string Json = """
            {"DialogStack":[{"Id":"order","State":{"dialogs":{"DialogStack":[{"Id":"count","State":{"attemptCount":1}}]},
            "values":{"name":"Ann"},"stepIndex":2,"note":"dialogs"}}]}
            """;

        var outer = Assert.Single(JsonConvert.DeserializeObject<DialogState>(Json)!.DialogStack).State;

        var inner = Assert.Single(Assert.IsType<DialogState>(outer["dialogs"]).DialogStack);
        Assert.Equal("count", inner.Id);
        Assert.Equal(1L, inner.State["attemptCount"]);
        Assert.Equal("Ann", Assert.IsType<JObject>(outer["values"])["name"]!.Value<string>());
        Assert.Equal(2L, outer["stepIndex"]);
        Assert.Equal("dialogs", outer["note"]);
    }

    [Fact]
    public void AnInnerStackThatNoLongerReadsFailsTheWholeStacksRead()
    {
        // DialogSet then starts the conversation over with a polite word (see DialogVersionTests).
        Assert.ThrowsAny<JsonException>(() =>
            JsonConvert.DeserializeObject<DialogState>("""{"DialogStack":[{"Id":"order","State":{"dialogs":{"DialogStack":"many"}}}]}"""));
    }

    [Fact]
    public void AStateValueThatNoLongerReadsIsReportedAsOutdated()
    {
        var state = new Dictionary<string, object?> { ["count"] = "many" };

        var error = Assert.Throws<DialogStateOutdatedException>(() => state.GetValue<int>("count"));

        Assert.Equal("The stored 'count' no longer reads as Int32.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task AConversationContinuesWithNewStateAndDialogObjectsOverTheSameStorage(string storageKind)
    {
        IStorage storage = storageKind == "memory" ? new MemoryStorage() : new JsonTextStorage();
        await new DialogTestBot(TestDialogs.Order(new InterruptibleDialog("root")), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How many boxes?")
            .Send("twelve").AssertReply("Order 12 boxes for Ann?")
            .StartTestAsync();

        // As after a restart of the bot: new ConversationState, new dialogs, new adapter; only the storage remains.
        await new DialogTestBot(TestDialogs.Order(new InterruptibleDialog("root")), storage).Flow()
            .Send("help").AssertReply("You can answer my question, say \"cancel\" to stop, or \"menu\" to see everything I can do.")
            .AssertReply(activity => Assert.Equal(["Yes", "No"], activity.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title)))
            .Send("maybe").AssertReply(activity => Assert.Equal("Please answer yes or no. Order 12 boxes for Ann?", activity.AsMessageActivity().Text))
            .Send("yes").AssertReply("Ordered 12 boxes for Ann.")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task ChoicesComeBackFromStorageWithTheirSynonymsAndButtons(string storageKind)
    {
        IStorage storage = storageKind == "memory" ? new MemoryStorage() : new JsonTextStorage();
        Choice[] choices =
        [
            new("track") { Synonyms = ["where is my order"], Action = new Microsoft.Bot.Schema.CardAction("imBack", "Track an order", value: "track") },
            new("new") { Synonyms = ["buy"] },
        ];
        Dialog Root() => TestDialogs.AskAndTell(
            new ChoicePrompt("choice"),
            new PromptOptions { Prompt = MessageFactory.Text("What now?"), Choices = choices },
            result => $"picked {((FoundChoice)result!).Value}");
        await new DialogTestBot(Root(), storage).Flow().Send("hi").AssertReply("What now?").StartTestAsync();

        await new DialogTestBot(Root(), storage).Flow()
            .Send("pardon").AssertReply(activity =>
                Assert.Equal(["Track an order", "new"], activity.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title)))
            .Send("where is my order").AssertReply("picked track")
            .StartTestAsync();
    }

    [Fact]
    public async Task AWaitingPromptKeepsItsOptionsAsTextAndSendsACopyOfThem()
    {
        var storage = new JsonTextStorage();
        var options = new PromptOptions { Prompt = MessageFactory.Text("How many boxes?"), Validations = 12 };
        var root = TestDialogs.AskAndTell(new NumberPrompt<int>("count"), options, result => $"{result} boxes");

        await new DialogTestBot(root, storage).Flow().Send("hi").AssertReply("How many boxes?").StartTestAsync();

        var prompt = PromptInstance(storage);
        Assert.Equal(JTokenType.String, prompt["options"]!.Type);
        Assert.Equal(12, JObject.Parse((string)prompt["options"]!)["Validations"]!.Value<int>());
        Assert.Equal("How many boxes?", (string?)JObject.Parse((string)prompt["activities"]!)["Prompt"]!["text"]);
        // Sending filled in the copy (conversation, ids), not the dialog's own options.
        Assert.Null(options.Prompt.Conversation);
        Assert.Null(options.Prompt.ReplyToId);
    }

    [Fact]
    public async Task APromptSavedWithItsOptionsAsAnObjectGoesOnAndKeepsThemAsTextFromThen()
    {
        var storage = new JsonTextStorage();
        Dialog Root() => TestDialogs.AskAndTell(new NumberPrompt<int>("count"), TestDialogs.Ask("How many boxes?"), result => $"{result} boxes");
        await new DialogTestBot(Root(), storage).Flow().Send("hi").AssertReply("How many boxes?").StartTestAsync();
        // The shape the state had before options were kept as text.
        var key = Assert.Single(storage.Keys);
        var state = JObject.Parse(storage[key]);
        var prompt = PromptInstance(state);
        var options = JObject.Parse((string)prompt["options"]!);
        options.Merge(JObject.Parse((string)prompt["activities"]!));
        prompt["options"] = options;
        prompt.Remove("activities");
        storage[key] = state.ToString();

        await new DialogTestBot(Root(), storage).Flow()
            .Send("lots").AssertReply(activity => Assert.EndsWith("How many boxes?", activity.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.Equal(JTokenType.String, PromptInstance(storage)["options"]!.Type);
        Assert.Equal(JTokenType.String, PromptInstance(storage)["activities"]!.Type);

        await new DialogTestBot(Root(), storage).Flow().Send("7").AssertReply("7 boxes").StartTestAsync();
    }

    private static JObject PromptInstance(JsonTextStorage storage) => PromptInstance(JObject.Parse(storage[Assert.Single(storage.Keys)]));

    private static JObject PromptInstance(JObject conversationState) =>
        (JObject)conversationState.SelectTokens("$..DialogStack[*].State").Single(state => state["state"]?["attemptCount"] is not null);

    private sealed record Visitor(string Name, int Visits);
}
