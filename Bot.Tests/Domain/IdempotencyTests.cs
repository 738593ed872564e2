using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CrmBot.Tests.Domain.ShopArrangements;

namespace CrmBot.Tests.Domain;

/// <summary>A request sent twice (a double click, a retried HTTP call) with the same idempotency key places one order.</summary>
public class IdempotencyTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PlaceOrderRequest TwoTeas(Guid customerId, string? key) => new(customerId, [new(Tea, 2)], key);

    [Fact]
    public async Task SendingTheSameKeyTwiceCreatesOneOrderAndAnswersWithTheSameNumber()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var first = await db.OrdersAsync(o => o.PlaceAsync(TwoTeas(customerId, "web-7f3a"), TestDatabase.Rep, Ct));
        var second = await db.OrdersAsync(o => o.PlaceAsync(TwoTeas(customerId, "web-7f3a"), TestDatabase.Rep, Ct));

        Assert.Equal(first.Number, second.Number);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await db.OrderCountAsync(Ct));
        Assert.Equal(8, await db.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task DifferentKeysCreateDifferentOrders()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var first = await db.OrdersAsync(o => o.PlaceAsync(TwoTeas(customerId, "web-1"), TestDatabase.Rep, Ct));
        var second = await db.OrdersAsync(o => o.PlaceAsync(TwoTeas(customerId, "web-2"), TestDatabase.Rep, Ct));

        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(6, await db.StockAsync(Tea, Ct));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(2)]
    public async Task TheSameKeyFromTwoRequestsAtOnceCreatesOneOrderAndBothGetItsNumber(int teasInStock)
    {
        var gate = new TransactionGate();
        await using var db = await TestDatabase.CreateAsync(gate, Ct, Provider);
        var customerId = await db.StockTheShopAsync(Ct);
        await db.WithDbAsync(async d =>
        {
            (await d.Products.SingleAsync(p => p.Sku == Tea, Ct)).SetStock(teasInStock);
            await d.SaveChangesAsync(Ct);
        });
        gate.Arm(2);

        var outcomes = await Task.WhenAll(
            Task.Run(() => db.TryPlaceAsync(customerId, new(Tea, 2), "web-7f3a"), Ct),
            Task.Run(() => db.TryPlaceAsync(customerId, new(Tea, 2), "web-7f3a"), Ct));

        Assert.Equal(2, gate.Held);
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Single(outcomes.Select(o => o.Order!.Number).Distinct());
        Assert.Equal(1, await db.OrderCountAsync(Ct));
        Assert.Equal(teasInStock - 2, await db.StockAsync(Tea, Ct));
    }

    [Fact]
    public async Task AKeyWhoseOrderWasRefusedCanBeUsedAgain()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        var tooMany = new PlaceOrderRequest(customerId, [new(Cup, 6)], "web-7f3a");
        await Assert.ThrowsAnyAsync<Exception>(() => db.OrdersAsync(o => o.PlaceAsync(tooMany, TestDatabase.Rep, Ct)));

        var order = await db.OrdersAsync(o => o.PlaceAsync(tooMany with { Lines = [new(Cup, 5)] }, TestDatabase.Rep, Ct));

        Assert.Equal((OrderStatus.Placed, "web-7f3a"), (order.Status, order.IdempotencyKey));
        Assert.Equal(0, await db.StockAsync(Cup, Ct));
    }
}
