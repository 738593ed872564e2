using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Conversations;

/// <summary>A rep records payments, ships, delivers, cancels and refunds orders through real turns, always confirming first.</summary>
public class ProcessOrderDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";
    private const string RepsOnly = "Sorry, that is something only our sales team can do. I'm happy to help you track an order or answer questions about our products.";

    private static readonly Caller Rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ARepRecordsAPaymentOfTheOrderTotalByTheChosenMethod()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"payment received for {order.Number}").AssertReply(State(order.Number, "is placed and waiting for payment. Total: 90.00 CNY."))
            .AssertReply(reply =>
            {
                Assert.Equal("How did the customer pay?", reply.AsMessageActivity().Text);
                Assert.Equal(["alipay", "wechat", "card", "bank transfer"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("wechat").AssertReply($"Record a payment of 90.00 CNY by wechat for order {order.Number}?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now paid.")
            .StartTestAsync();

        var paid = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(("wechat", ShopArrangements.OrderTotal), (paid.Payments.Single().Method, paid.Payments.Single().Amount));
        AssertAuditedByTheRep(paid);
    }

    [Fact]
    public async Task ARepShipsWithTheCarrierAndTrackingNumberTheySaid()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"ship {order.Number} with SF Express SF1234567890").AssertReply(State(order.Number, "is paid."))
            .AssertReply($"Mark order {order.Number} as shipped with SF Express, tracking number SF1234567890?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now shipped.")
            .StartTestAsync();

        var shipped = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.Shipped, "SF Express", "SF1234567890"), (shipped.Status, shipped.Shipment!.Carrier, shipped.Shipment.TrackingNumber));
        AssertAuditedByTheRep(shipped);
    }

    [Fact]
    public async Task TheOrderNumberCarrierAndTrackingNumberAreAskedForWhenNotGiven()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);

        await host.Flow(Rep)
            .Send("ship an order").AssertReply("Which order? Type its number, like SO-10042.")
            .Send("the blue one").AssertReply("That doesn't look like an order number. Please type it like SO-10042.")
            .Send(order.Number).AssertReply(State(order.Number, "is paid."))
            .AssertReply("Which carrier is taking the parcel?")
            .Send("JD Logistics").AssertReply("What is the tracking number?")
            .Send("jd 0001 2345").AssertReply($"Mark order {order.Number} as shipped with JD Logistics, tracking number JD00012345?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now shipped.")
            .StartTestAsync();

        Assert.Equal("JD00012345", (await host.Database.ReloadAsync(order.Number, Ct)).Shipment!.TrackingNumber);
    }

    [Fact]
    public async Task ARepMarksAShippedOrderDelivered()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"mark {order.Number} as delivered").AssertReply(State(order.Number, "is shipped."))
            .AssertReply($"Mark order {order.Number} as delivered?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now delivered.")
            .StartTestAsync();

        var delivered = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.NotNull(delivered.Shipment!.DeliveredAt);
        AssertAuditedByTheRep(delivered);
    }

    [Fact]
    public async Task ARepCancelsAnOrderWithAReasonAndTheStockComesBack()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var teaBefore = await host.Database.StockAsync(ShopArrangements.Tea, Ct);

        await host.Flow(Rep)
            .Send($"cancel order {order.Number}").AssertReply(State(order.Number, "is placed"))
            .AssertReply("Why is the order being cancelled?")
            .Send("customer changed their mind").AssertReply(
                $"Cancel order {order.Number} because \"customer changed their mind\"? Its stock is released and anything paid is refunded.")
            .Send("yes").AssertReply($"Done: order {order.Number} is now cancelled.")
            .StartTestAsync();

        var cancelled = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.Cancelled, "customer changed their mind"), (cancelled.Status, cancelled.History.Last().Note));
        Assert.Equal(teaBefore + 2, await host.Database.StockAsync(ShopArrangements.Tea, Ct));
        AssertAuditedByTheRep(cancelled);
    }

    [Fact]
    public async Task ARepRefundsPartOfADeliveredOrderWithTheAmountTheySaid()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"refund 20 on {order.Number}").AssertReply(State(order.Number, "is delivered."))
            .AssertReply("What is the reason for the refund?")
            .Send("one cup arrived cracked").AssertReply($"Refund 20.00 CNY on order {order.Number} because \"one cup arrived cracked\"?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now partly refunded.")
            .StartTestAsync();

        var refunded = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.PartiallyRefunded, new Money(20m, "CNY")), (refunded.Status, refunded.AmountRefunded));
        Assert.Equal("one cup arrived cracked", refunded.Refunds.Single().Reason);
        AssertAuditedByTheRep(refunded);
    }

    [Fact]
    public async Task ARepRefundsAllThatIsLeftByAnsweringAll()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"refund {order.Number}").AssertReply(State(order.Number, "is delivered."))
            .AssertReply("How much should be refunded? At most 90.00 CNY; say \"all\" to refund all of it.")
            .Send("nothing").AssertReply("Please give an amount above zero, for example 20, or say \"all\" for 90.00 CNY.")
            .Send("all").AssertReply("What is the reason for the refund?")
            .Send("tea was stale").AssertReply($"Refund 90.00 CNY on order {order.Number} because \"tea was stale\"?")
            .Send("yes").AssertReply($"Done: order {order.Number} is now refunded.")
            .StartTestAsync();

        Assert.Equal(OrderStatus.Refunded, (await host.Database.ReloadAsync(order.Number, Ct)).Status);
    }

    [Fact]
    public async Task ARefundAboveWhatWasPaidIsRefusedAndNothingChanges()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send($"refund 500 on {order.Number}").AssertReply(State(order.Number, "is delivered."))
            .AssertReply("What is the reason for the refund?")
            .Send("goodwill").AssertReply($"Refund 500.00 CNY on order {order.Number} because \"goodwill\"?")
            .Send("yes").AssertReply(
                $"I couldn't do that: Order {order.Number} can be refunded at most 90.00 CNY; 500.00 CNY is more than was paid. Nothing was changed.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AnAmountThatIsNoMoneyIsRefusedBeforeTheConfirmation()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send($"refund {order.Number}").AssertReply(State(order.Number, "is delivered."))
            .AssertReply(reply => Assert.StartsWith("How much should be refunded?", reply.AsMessageActivity().Text))
            .Send("0.123456").AssertReply("What is the reason for the refund?")
            .Send("rounding").AssertReply("I couldn't do that: 0.123456 has more than 4 decimal places. Nothing was changed.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task ShippingAnUnpaidOrderIsRefusedWithTheReasonAndNothingChanges()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send($"ship {order.Number} with SF Express SF1234567890").AssertReply(State(order.Number, "is placed and waiting for payment."))
            .AssertReply($"I couldn't do that: Order {order.Number} has not been paid yet, so it cannot be shipped. Nothing was changed.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AnsweringNoToTheConfirmationChangesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send($"mark {order.Number} as delivered").AssertReply(State(order.Number, "is shipped."))
            .AssertReply($"Mark order {order.Number} as delivered?")
            .Send("no").AssertReply($"Okay, I left order {order.Number} as it was.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AChangeBySomeoneElseBeforeTheConfirmationIsReportedAndNotOverwritten()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);
        await host.Flow(Rep)
            .Send($"ship {order.Number} with SF Express SF1234567890").AssertReply(State(order.Number, "is paid."))
            .AssertReply($"Mark order {order.Number} as shipped with SF Express, tracking number SF1234567890?")
            .StartTestAsync();
        await host.Database.OrdersAsync(o => o.ShipAsync(order.Number, "JD Logistics", "JD0001", Actor.System, ct: Ct));
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send("yes").AssertReply($"Someone else changed order {order.Number} a moment ago, so I changed nothing. Look at it again and retry.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
        Assert.Equal("JD0001", (await host.Database.ReloadAsync(order.Number, Ct)).Shipment!.TrackingNumber);
    }

    [Fact]
    public async Task ACustomerAskingForARefundIsRefusedPolitelyAndNothingChanges()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"))
            .Send($"refund 90 on {order.Number}").AssertReply(RepsOnly)
            .StartTestAsync();
        await host.Flow(Caller.Anonymous, conversationId: "visitor")
            .Send($"payment received for {order.Number}").AssertReply(RepsOnly)
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task HelpInTheMiddleExplainsTheQuestionAndAsksItAgain()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Rep)
            .Send($"payment received for {order.Number}").AssertReply(State(order.Number, "is placed"))
            .AssertReply("How did the customer pay?")
            .Send("help").AssertReply("Pick how the money came in: alipay, wechat, card or bank transfer.")
            .AssertReply("How did the customer pay?")
            .Send("alipay").AssertReply($"Record a payment of 90.00 CNY by alipay for order {order.Number}?")
            .Send("help").AssertReply("Say yes to make this change now, or no to leave the order as it is.")
            .AssertReply($"Record a payment of 90.00 CNY by alipay for order {order.Number}?")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAtTheConfirmationStopsAndNothingChanges()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep)
            .Send($"cancel order {order.Number}").AssertReply(State(order.Number, "is paid."))
            .AssertReply("Why is the order being cancelled?")
            .Send("out of stock").AssertReply(reply => Assert.StartsWith($"Cancel order {order.Number} because", reply.AsMessageActivity().Text))
            .Send("cancel").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task TheConfirmationSurvivesABotRestart()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        await host.Flow(Rep)
            .Send($"refund {order.Number}").AssertReply(State(order.Number, "is delivered."))
            .AssertReply(reply => Assert.StartsWith("How much should be refunded?", reply.AsMessageActivity().Text))
            .Send("35.5").AssertReply("What is the reason for the refund?")
            .Send("late delivery").AssertReply($"Refund 35.50 CNY on order {order.Number} because \"late delivery\"?")
            .StartTestAsync();

        await host.Flow(Rep, restarted: true)
            .Send("yes").AssertReply($"Done: order {order.Number} is now partly refunded.")
            .StartTestAsync();

        Assert.Equal(new Money(35.5m, "CNY"), (await host.Database.ReloadAsync(order.Number, Ct)).AmountRefunded);
    }

    [Fact]
    public async Task AnUnknownOrderIsSaidSo()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Rep)
            .Send("mark SO-99999 as delivered").AssertReply("I couldn't find order SO-99999.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChineseRepIsAnsweredInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);

        await host.Flow(Rep, locale: "zh-CN")
            .Send($"{order.Number} 已送达").AssertReply(reply => Assert.StartsWith($"订单 {order.Number}：已发货", reply.AsMessageActivity().Text))
            .AssertReply($"将订单 {order.Number} 标记为已送达？")
            .Send("是").AssertReply($"完成：订单 {order.Number} 的状态现为“已送达”。")
            .StartTestAsync();
    }

    /// <summary>The order's current state, which every order action shows before it asks anything.</summary>
    private static Action<IActivity> State(string number, string status) =>
        reply => Assert.StartsWith($"Order {number} {status}", reply.AsMessageActivity().Text);

    private static void AssertAuditedByTheRep(Order order)
    {
        var change = order.History.OrderBy(h => h.Step).Last();
        Assert.Equal((TestDatabase.Rep.ToString(), TestDatabase.Rep.Id), (change.Actor, change.ActorId));
    }
}

