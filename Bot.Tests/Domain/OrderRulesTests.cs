using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using static CrmBot.Tests.Domain.ShopArrangements;

namespace CrmBot.Tests.Domain;

/// <summary>The business rules of orders, through OrderService on a real database.</summary>
public class OrderRulesTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly Actor Rep = TestDatabase.Rep;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Money Cny(decimal amount) => new(amount, "CNY");

    [Fact]
    public async Task ShippingAnUnpaidOrderIsRefusedAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.ShipAsync(order.Number, "SF Express", "SF1234567890", Rep, ct: Ct)));

        Assert.Equal($"Order {order.Number} has not been paid yet, so it cannot be shipped.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task DeliveringAnUnpaidOrderSaysItWasNeitherPaidNorShipped()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.DeliverAsync(order.Number, Rep, ct: Ct)));

        Assert.Equal($"Order {order.Number} has not been paid or shipped yet, so it cannot be delivered.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task RefundingMoreThanWasPaidIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.ShippedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(90.01m), "Goodwill", Rep, ct: Ct)));

        Assert.Equal("order.refund_too_large", error.Code);
        Assert.Equal($"Order {order.Number} can be refunded at most 90.00 CNY; 90.01 CNY is more than was paid.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AfterAPartialRefundOnlyTheRestCanBeRefunded()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.ShippedOrderAsync(Ct);
        await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(50m), "Cup arrived chipped", Rep, ct: Ct));
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(40.01m), "Tea was stale", Rep, ct: Ct)));

        Assert.Contains("at most 40.00 CNY", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task APartialRefundThenOneForTheRestLeavesTheOrderRefunded()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.DeliveredOrderAsync(Ct);

        var partly = await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(30m), "Cup arrived chipped", Rep, ct: Ct));
        var fully = await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(60m), "Customer returned the rest", Rep, ct: Ct));

        Assert.Equal(OrderStatus.PartiallyRefunded, partly.Status);
        Assert.Equal(OrderStatus.Refunded, fully.Status);
        var saved = await db.ReloadAsync(order.Number, Ct);
        Assert.Equal(OrderStatus.Refunded, saved.Status);
        Assert.Equal(Cny(90m), saved.AmountRefunded);
        Assert.Equal([30m, 60m], saved.Refunds.Select(r => r.Amount.Amount).Order());
        await Assert.ThrowsAsync<DomainException>(() => db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(0.01m), "One more", Rep, ct: Ct)));
    }

    [Fact]
    public async Task CancellingAPlacedOrderPutsItsStockBack()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var reserved = (await db.StockAsync(Tea, Ct), await db.StockAsync(Cup, Ct));

        var cancelled = await db.OrdersAsync(o => o.CancelAsync(order.Number, "Ordered by mistake", Rep, ct: Ct));

        Assert.Equal((8, 4), reserved);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal((10, 5), (await db.StockAsync(Tea, Ct), await db.StockAsync(Cup, Ct)));
        Assert.Empty((await db.ReloadAsync(order.Number, Ct)).Refunds);
    }

    [Fact]
    public async Task CancellingAPaidOrderRefundsItInFullAndPutsItsStockBack()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PaidOrderAsync(Ct);

        await db.OrdersAsync(o => o.CancelAsync(order.Number, "Found it cheaper elsewhere", Rep, ct: Ct));

        var saved = await db.ReloadAsync(order.Number, Ct);
        Assert.Equal(OrderStatus.Cancelled, saved.Status);
        var refund = Assert.Single(saved.Refunds);
        Assert.Equal((OrderTotal, "Found it cheaper elsewhere"), (refund.Amount, refund.Reason));
        Assert.Equal(saved.AmountPaid, saved.AmountRefunded);
        Assert.Equal((10, 5), (await db.StockAsync(Tea, Ct), await db.StockAsync(Cup, Ct)));
    }

    [Fact]
    public async Task CancellingAShippedOrderIsRefusedAndKeepsItsStockReserved()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.ShippedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.CancelAsync(order.Number, "Too slow", Rep, ct: Ct)));

        Assert.Equal($"Order {order.Number} has already shipped, so it cannot be cancelled: refund it instead.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
        Assert.Equal((8, 4), (before.TeaStock, before.CupStock));
    }

    [Theory]
    [InlineData("89.99")]
    [InlineData("90.01")]
    [InlineData("45")]
    public async Task APaymentMustBeExactlyTheOrderTotal(string amount)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);
        var paid = Cny(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.PayAsync(order.Number, paid, "card", null, Rep, ct: Ct)));

        Assert.Equal("order.payment_amount", error.Code);
        Assert.Equal($"Order {order.Number} totals 90.00 CNY; a payment of {paid} does not settle it.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task APaymentInAnotherCurrencyIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.PayAsync(order.Number, new Money(90m, "USD"), "card", null, Rep, ct: Ct)));

        Assert.Equal("money.currency_mismatch", error.Code);
        Assert.Equal($"Order {order.Number} is in CNY; a payment in USD cannot settle it.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task ARefundInAnotherCurrencyIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.ShippedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.OrdersAsync(o => o.RefundAsync(order.Number, new Money(10m, "USD"), "Goodwill", Rep, ct: Ct)));

        Assert.Equal("Cannot combine USD with CNY.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task AnOrderMixingCurrenciesIsRefusedAndMovesNoStock()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        await db.AddProductAsync("MUG-US", 12m, 3, Ct, currency: "USD", name: "Diner mug");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            db.PlaceAsync(customerId, Ct, new(Tea, 1), new("MUG-US", 1)));

        Assert.Equal("order.currency", error.Code);
        Assert.Equal((10, 3), (await db.StockAsync(Tea, Ct), await db.StockAsync("MUG-US", Ct)));
        Assert.Equal(0, await db.OrderCountAsync(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PlacingMoreThanIsInStockIsRefusedAndMovesNoStockForAnyLine(bool shortLineFirst)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        OrderLineRequest[] lines = shortLineFirst ? [new(Cup, 6), new(Tea, 2)] : [new(Tea, 2), new(Cup, 6)];

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct, lines));

        Assert.Equal("product.out_of_stock", error.Code);
        Assert.Equal($"Only 5 of Celadon cup ({Cup}) left in stock; 6 were asked for.", error.Message);
        Assert.Equal((10, 5), (await db.StockAsync(Tea, Ct), await db.StockAsync(Cup, Ct)));
        Assert.Equal(0, await db.OrderCountAsync(Ct));
    }

    [Fact]
    public async Task TwoLinesOfTheSameProductCountTogetherAgainstItsStock()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct, new(Tea, 6), new("tea-longjing", 5)));

        Assert.Equal("product.out_of_stock", error.Code);
        Assert.Equal(10, await db.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task OrderingTheLastUnitsEmptiesTheShelfAndTheNextOrderIsToldItIsOutOfStock()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        await db.PlaceAsync(customerId, Ct, new OrderLineRequest(Cup, 5));

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct, new OrderLineRequest(Cup, 1)));

        Assert.Equal($"Celadon cup ({Cup}) is out of stock.", error.Message);
        Assert.Equal(0, await db.StockAsync(Cup, Ct));
    }

    [Fact]
    public async Task AnEmptyOrderIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct));

        Assert.Equal(("order.empty", "An order needs at least one product."), (error.Code, error.Message));
        Assert.Equal(0, await db.OrderCountAsync(Ct));
    }

    [Fact]
    public async Task AnOrderForAProductWeDoNotSellIsRefusedAndNamesIt()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct, new(Tea, 1), new("puer-1999", 1)));

        Assert.Equal(("order.unknown_product", "We don't sell PUER-1999."), (error.Code, error.Message));
        Assert.Equal(10, await db.StockAsync(Tea, Ct));
        Assert.Equal(0, await db.OrderCountAsync(Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task AQuantityBelowOneIsRefused(int quantity)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.PlaceAsync(customerId, Ct, new(Tea, 1), new(Cup, quantity)));

        Assert.Equal($"Quantity must be greater than zero (got {quantity}).", error.Message);
        Assert.Equal((10, 5), (await db.StockAsync(Tea, Ct), await db.StockAsync(Cup, Ct)));
        Assert.Equal(0, await db.OrderCountAsync(Ct));
    }

    [Fact]
    public async Task AnOrderForACustomerWeDoNotKnowIsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.StockTheShopAsync(Ct);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => db.PlaceAsync(Guid.CreateVersion7(), Ct, new OrderLineRequest(Tea, 1)));

        Assert.Equal("Customer", error.What);
        Assert.Equal(10, await db.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task DeliveringTwiceIsRefusedAndKeepsTheFirstDeliveryTime()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.DeliveredOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);
        db.Clock.Advance(TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<DomainException>(() => db.OrdersAsync(o => o.DeliverAsync(order.Number, Rep, ct: Ct)));

        Assert.Equal($"Order {order.Number} has already been delivered.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
        Assert.Equal(TestDatabase.Start, before.DeliveredAt);
    }

    [Fact]
    public async Task AnOrderThatDoesNotExistIsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => db.OrdersAsync(o => o.PayAsync("SO-99999", Cny(1m), "card", null, Rep, ct: Ct)));

        Assert.Equal("Order 'SO-99999' was not found.", error.Message);
    }

    [Fact]
    public async Task TheAuditTrailRecordsWhoMovedTheOrderFromWhereToWhereWhenAndWhy()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        var customer = Actor.Customer(customerId, "张三");
        var t0 = TestDatabase.Start;
        var order = await db.OrdersAsync(o => o.PlaceAsync(new PlaceOrderRequest(customerId, [new(Tea, 2), new(Cup, 1)]), customer, Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "wechat", "WX-1", customer, ct: Ct));
        db.Clock.Advance(TimeSpan.FromHours(3));
        await db.OrdersAsync(o => o.ShipAsync(order.Number, "SF Express", "SF1234567890", Rep, ct: Ct));
        db.Clock.Advance(TimeSpan.FromDays(2));
        await db.OrdersAsync(o => o.DeliverAsync(order.Number, Actor.System, ct: Ct));
        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(40m), "Cup arrived chipped", Rep, ct: Ct));

        var timeline = await db.OrdersAsync(o => o.TimelineAsync(order.Number, Ct));

        OrderTimelineEntry[] expected =
        [
            new(t0, null, OrderStatus.Draft, "customer:张三", null),
            new(t0, OrderStatus.Draft, OrderStatus.Placed, "customer:张三", null),
            new(t0.AddMinutes(5), OrderStatus.Placed, OrderStatus.Paid, "customer:张三", "wechat 90.00 CNY"),
            new(t0.AddMinutes(5).AddHours(3), OrderStatus.Paid, OrderStatus.Shipped, "rep:Li Na", "SF Express SF1234567890"),
            new(t0.AddMinutes(5).AddHours(3).AddDays(2), OrderStatus.Shipped, OrderStatus.Delivered, "system", null),
            new(t0.AddMinutes(5).AddHours(3).AddDays(3), OrderStatus.Delivered, OrderStatus.PartiallyRefunded, "rep:Li Na", "40.00 CNY: Cup arrived chipped"),
        ];
        Assert.Equal(expected, timeline.Entries);
        Assert.Equal(("SF Express", "SF1234567890"), (timeline.Carrier, timeline.TrackingNumber));
        Assert.Equal((OrderTotal, OrderTotal, Cny(40m)), (timeline.Total, timeline.AmountPaid, timeline.AmountRefunded));
    }

    [Fact]
    public async Task TheTimelineKeepsItsOrderWhenStepsHappenAtTheSameMoment()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.DeliveredOrderAsync(Ct);
        await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(10m), "Late", Rep, ct: Ct));
        await db.OrdersAsync(o => o.RefundAsync(order.Number, Cny(80m), "Returned", Rep, ct: Ct));

        var timeline = await db.OrdersAsync(o => o.TimelineAsync(order.Number, Ct));

        Assert.All(timeline.Entries, e => Assert.Equal(TestDatabase.Start, e.At));
        Assert.Equal(
            [OrderStatus.Draft, OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PartiallyRefunded, OrderStatus.Refunded],
            timeline.Entries.Select(e => e.To));
    }

    [Fact]
    public async Task ASecondShipmentRowNeitherRepeatsTheTimelineNorHidesTheLatestParcel()
    {
        // No lifecycle ships an order twice; a row written by other means must still read sensibly.
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.DeliveredOrderAsync(Ct);
        var before = await db.OrdersAsync(o => o.TimelineAsync(order.Number, Ct));
        await db.WithDbAsync(async context =>
        {
            var resent = new Shipment("EMS", "EMS000111222CN", TestDatabase.Start.AddDays(5));
            context.Add(resent).Property("OrderId").CurrentValue = order.Id;
            await context.SaveChangesAsync(Ct);
        });

        var timeline = await db.OrdersAsync(o => o.TimelineAsync(order.Number, Ct));

        Assert.Equal(before.Entries, timeline.Entries);
        Assert.Equal(("EMS", "EMS000111222CN"), (timeline.Carrier, timeline.TrackingNumber));
    }

    [Fact]
    public async Task ACancellationIsRecordedWithItsReason()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        db.Clock.Advance(TimeSpan.FromMinutes(10));

        await db.OrdersAsync(o => o.CancelAsync(order.Number, "Ordered by mistake", Rep, ct: Ct));

        var last = (await db.OrdersAsync(o => o.TimelineAsync(order.Number, Ct))).Entries[^1];
        Assert.Equal(new OrderTimelineEntry(TestDatabase.Start.AddMinutes(10), OrderStatus.Placed, OrderStatus.Cancelled, "rep:Li Na", "Ordered by mistake"), last);
    }

    [Fact]
    public async Task ACancellationWithoutAReasonIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.OrdersAsync(o => o.CancelAsync(order.Number, "  ", Rep, ct: Ct)));

        Assert.Equal("Cancellation reason is required.", error.Message);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }
}
