using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Tests.Domain;

namespace CrmBot.Tests.Conversations;

/// <summary>A signed-in customer cancels their own order until it ships; nobody else's.</summary>
public class CancelOwnOrderDialogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ACustomerPicksTheirOrderConfirmsAndItIsCancelledWithItsStockReleased()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var stockWhilePlaced = await host.Database.StockAsync(ShopArrangements.Tea, Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"))
            .Send("I want to cancel my order").AssertReply(reply =>
            {
                Assert.Equal("Which order would you like to cancel?", reply.AsMessageActivity().Text);
                Assert.Equal([order.Number], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send(order.Number).AssertReply(reply => Assert.StartsWith($"Cancel order {order.Number}?", reply.AsMessageActivity().Text))
            .Send("yes").AssertReply($"Order {order.Number} is cancelled.")
            .StartTestAsync();

        var cancelled = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("customer:张三", cancelled.History.OrderBy(h => h.Step).Last().Actor, StringComparison.Ordinal);
        Assert.Equal(stockWhilePlaced + 2, await host.Database.StockAsync(ShopArrangements.Tea, Ct));
    }

    [Fact]
    public async Task APaidOrderSaysItWillBeRefundedAndNoKeepsIt()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"))
            .Send($"cancel order {order.Number}").AssertReply(reply =>
                Assert.StartsWith($"Cancel order {order.Number}? The 90.00 CNY you paid will be refunded.", reply.AsMessageActivity().Text))
            .Send("no").AssertReply($"Okay, order {order.Number} stays as it is.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task SomeoneElsesOrderIsNotFoundAndUnchanged()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);
        var other = await host.Database.AddCustomerAsync("李四", "li.si@example.com", null, Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Caller.Customer(other.Id, "李四"))
            .Send($"cancel order {order.Number}").AssertReply($"I couldn't find order {order.Number}.")
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AShippedOrderCanNoLongerBeCancelled()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"))
            .Send($"cancel order {order.Number}").AssertReply(reply =>
                Assert.StartsWith($"Order {order.Number} has already shipped, so it can no longer be cancelled.", reply.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Equal(OrderStatus.Shipped, (await host.Database.ReloadAsync(order.Number, Ct)).Status);
    }

    [Fact]
    public async Task AVisitorIsAskedToSignInFirst()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PlacedOrderAsync(Ct);

        await host.Flow(Caller.Anonymous)
            .Send($"cancel order {order.Number}").AssertReply(reply =>
                Assert.StartsWith("To cancel an order, please sign in", reply.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Equal(OrderStatus.Placed, (await host.Database.ReloadAsync(order.Number, Ct)).Status);
    }
}
