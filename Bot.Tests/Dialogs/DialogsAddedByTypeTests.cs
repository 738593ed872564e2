using CrmBot.Dialogs;

namespace CrmBot.Tests.Dialogs;

/// <summary>
/// Dialogs added by type (<see cref="ComponentDialog.AddDialog{TDialog}(string, Func{TDialog})"/>) are built when a turn
/// begins or continues them, which is what keeps a root of many dialogs cheap on every turn.
/// </summary>
public sealed class DialogsAddedByTypeTests
{
    private sealed class Builds
    {
        public int Order { get; set; }

        public int Unused { get; set; }
    }

    [Fact]
    public async Task ATurnBuildsOnlyTheDialogItRuns()
    {
        // Unique ids: the version of a dialog added by type is remembered for the whole process.
        var (orderId, unusedId) = ($"order-{Guid.NewGuid():N}", $"unused-{Guid.NewGuid():N}");
        var builds = new Builds();
        var storage = new JsonTextStorage();
        await new DialogTestBot(Root(orderId, unusedId, builds), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();
        var afterFirstTurn = builds.Unused;

        // The next turns, each on a root built afresh as the bot does, continue the order and never build the other dialog.
        await new DialogTestBot(Root(orderId, unusedId, builds), storage).Flow()
            .Send("Ann").AssertReply("How many boxes?")
            .StartTestAsync();
        await new DialogTestBot(Root(orderId, unusedId, builds), storage).Flow()
            .Send("3").AssertReply("Order 3 boxes for Ann?")
            .StartTestAsync();

        Assert.Equal(3, builds.Order);
        Assert.Equal(afterFirstTurn, builds.Unused);
        Assert.True(afterFirstTurn <= 1, "Only the first root of the process builds a dialog it does not run, for its version.");
    }

    [Fact]
    public void AComponentHasTheSameVersionWhetherItsDialogsAreBuiltOrAddedByType()
    {
        var orderId = $"order-{Guid.NewGuid():N}";
        var built = new ComponentDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync(orderId, null, ct)]))
            .AddDialog(TestDialogs.Order(new ComponentDialog(orderId)));
        var byType = new ComponentDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync(orderId, null, ct)]))
            .AddDialog(orderId, () => TestDialogs.Order(new ComponentDialog(orderId)));

        var builtBeforeAsked = new ComponentDialog("main")
            .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync(orderId, null, ct)]))
            .AddDialog(orderId, () => TestDialogs.Order(new ComponentDialog(orderId)));
        builtBeforeAsked.FindDialog(orderId);

        Assert.Equal(built.Version, byType.Version);
        Assert.Equal(byType.Version, builtBeforeAsked.Version);
        Assert.NotEqual(built.Version, new ComponentDialog("main").AddDialog(new WaterfallDialog("main-steps")).Version);
    }

    [Fact]
    public void ABuilderThatGivesAnotherIdIsAnErrorNamingBoth()
    {
        var component = new ComponentDialog("main").AddDialog("order", () => new WaterfallDialog("orders"));

        var error = Assert.Throws<InvalidOperationException>(() => component.FindDialog("order"));

        Assert.Contains("'order'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdIsAddedOnceWhicheverWayItIsAdded()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new ComponentDialog("main").AddDialog(new WaterfallDialog("order")).AddDialog("order", () => new WaterfallDialog("order")));
        Assert.Throws<InvalidOperationException>(() =>
            new ComponentDialog("main").AddDialog("order", () => new WaterfallDialog("order")).AddDialog(new WaterfallDialog("order")));
        Assert.Throws<InvalidOperationException>(() =>
            new ComponentDialog("main").AddDialog("order", () => new WaterfallDialog("order")).AddDialog("order", () => new WaterfallDialog("order")));
    }

    [Fact]
    public void TheFirstDialogAddedByTypeIsTheOneBegunFirst()
    {
        var component = new ComponentDialog("main").AddDialog("order", () => new WaterfallDialog("order")).AddDialog(new WaterfallDialog("other"));

        Assert.Equal("order", component.InitialDialogId);
    }

    private static ComponentDialog Root(string orderId, string unusedId, Builds builds) => new ComponentDialog("main")
        .AddDialog(new WaterfallDialog("main-steps", [(step, ct) => step.BeginDialogAsync(orderId, null, ct)]))
        .AddDialog(orderId, () =>
        {
            builds.Order++;
            return TestDialogs.Order(new ComponentDialog(orderId));
        })
        .AddDialog(unusedId, () =>
        {
            builds.Unused++;
            return new WaterfallDialog(unusedId);
        });
}
