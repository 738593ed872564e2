using CrmBot.Conversations;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;

namespace CrmBot.Tests.Conversations;

/// <summary>"Where is my order?" for visitors, signed-in customers and reps, through real turns.</summary>
public class TrackOrderDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task AVisitorTracksAnOrderWithItsNumberAndEmail()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send("where is my order?").AssertReply("What is the order number? It looks like SO-10042.")
            .Send(order.Number).AssertReply("To keep your order private, what email address or phone number is on the order?")
            .Send("zhang.san@example.com").AssertReply(reply => Assert.StartsWith($"Order {order.Number} is placed and waiting for payment. Total: 90.00 CNY.", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AWrongContactAndAnUnknownOrderGetTheSameAnswerSoNumbersCannotBeProbed()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous, conversationId: "a")
            .Send($"track {order.Number}").AssertReply("To keep your order private, what email address or phone number is on the order?")
            .Send("li.si@example.com").AssertReply($"I couldn't find an order {order.Number} with that email or phone number. Please check both and try again.")
            .StartTestAsync();
        await host.Flow(Caller.Anonymous, conversationId: "b")
            .Send("track SO-99999").AssertReply("To keep your order private, what email address or phone number is on the order?")
            .Send("zhang.san@example.com").AssertReply("I couldn't find an order SO-99999 with that email or phone number. Please check both and try again.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AVisitorWhoseLookupsKeepFindingNothingIsPausedWhileOthersAreServed()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var prober = host.Flow(Caller.Anonymous, conversationId: "probe", userId: "prober");
        for (var i = 1; i <= OrderLookupLimiter.MissesAllowed; i++)
        {
            prober = prober.Send($"where is SO-9999{i}? my email is zhang.san@example.com")
                .AssertReply($"I couldn't find an order SO-9999{i} with that email or phone number. Please check both and try again.");
        }

        await prober
            .Send($"where is {order.Number}? my email is zhang.san@example.com").AssertReply(reply => Assert.StartsWith("I couldn't find several of the orders", reply.AsMessageActivity().Text))
            .Send("track an order").AssertReply(reply => Assert.StartsWith("I couldn't find several of the orders", reply.AsMessageActivity().Text))
            .StartTestAsync();
        await host.Flow(Caller.Anonymous, conversationId: "other", userId: "another-visitor")
            .Send($"where is {order.Number}? my email is zhang.san@example.com")
            .AssertReply(reply => Assert.StartsWith($"Order {order.Number} is placed", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task TheEmailGivenWithTheQuestionIsUsedWithoutAskingAgain()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send($"where is {order.Number}? my email is zhang.san@example.com")
            .AssertReply(reply => Assert.StartsWith($"Order {order.Number} is placed", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ASignedInCustomerPicksOneOfTheirOwnOrders()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"))
            .Send("where is my order?").AssertReply(reply =>
            {
                Assert.Equal("Which order would you like to track?", reply.AsMessageActivity().Text);
                Assert.Equal([order.Number], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("1").AssertReply(reply => Assert.StartsWith($"Order {order.Number} is paid.", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerProbingSomeoneElsesOrderLearnsNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var other = await host.Database.AddCustomerAsync("李四", "li.si@example.com", null, Ct);

        await host.Flow(Caller.Customer(other.Id, "李四"))
            .Send($"track {order.Number}").AssertReply($"I couldn't find order {order.Number}.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepTracksAnyOrderStraightAway()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);

        await host.Flow(Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na"))
            .Send($"track {order.Number}").AssertReply(reply =>
            {
                var text = reply.AsMessageActivity().Text;
                Assert.StartsWith($"Order {order.Number} is shipped.", text);
                Assert.Contains("Shipped with SF Express", text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task SomethingThatIsNotAnOrderNumberIsAskedForAgain()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("where is my order?").AssertReply("What is the order number? It looks like SO-10042.")
            .Send("my blue teapot").AssertReply("That doesn't look like an order number. Please type it like SO-10042.")
            .StartTestAsync();
    }

    [Fact]
    public async Task HelpInTheMiddleExplainsTheQuestionAndAsksItAgain()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("where is my order?").AssertReply("What is the order number? It looks like SO-10042.")
            .Send("help").AssertReply("The order number is in your order confirmation and starts with SO, for example SO-10042.")
            .AssertReply("What is the order number? It looks like SO-10042.")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelInTheMiddleStopsAndTheNextMessageStartsAfresh()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("where is my order?").AssertReply("What is the order number? It looks like SO-10042.")
            .Send("cancel").AssertReply(Cancelled)
            .Send("where is my order?").AssertReply("What is the order number? It looks like SO-10042.")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheConversationContinuesAfterTheBotRestarts()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send($"track {order.Number}").AssertReply("To keep your order private, what email address or phone number is on the order?")
            .StartTestAsync();
        await host.Flow(Caller.Anonymous, restarted: true)
            .Send("138 0013 8000").AssertReply(reply => Assert.StartsWith($"Order {order.Number} is placed", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AChineseVisitorIsAnsweredInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous, locale: "zh-CN")
            .Send($"我的订单{order.Number}到哪了").AssertReply("为保护您的隐私，请提供订单上的邮箱或电话号码。")
            .Send("13800138000").AssertReply(reply => Assert.StartsWith($"订单 {order.Number}：已下单，待付款。", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ATeamsUserWhoIsNotARepIsTurnedAwayPolitely()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Stranger("Megan Bowen"))
            .Send("track SO-10001").AssertReply(reply => Assert.StartsWith("Sorry, I only work with the sales team here.", reply.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AGreetingGetsTheMenuWithButtons()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Caller.Anonymous)
            .Send("hi").AssertReply(reply =>
            {
                Assert.StartsWith("Here is what I can do for you:", reply.AsMessageActivity().Text);
                Assert.Contains(reply.AsMessageActivity().SuggestedActions.Actions, action => action.Title == "Track an order");
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheOrderIsUnchangedByTracking()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na")).Send($"track {order.Number}").StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
        Assert.Equal(OrderStatus.Placed, (await host.Database.ReloadAsync(order.Number, Ct)).Status);
    }
}
