using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmBot.Tests.Domain.ShopArrangements;

namespace CrmBot.Tests.Domain;

/// <summary>Two people (two scopes, two DbContexts) working on the same order or the same stock at once.</summary>
public class ConcurrencyTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly Actor Wang = Actor.Rep(Guid.Parse("0197f1d2-0000-7000-8000-000000000002"), "Wang Fang");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenTwoRepsChangeTheSameOrderTheSecondIsToldAndOnlyTheFirstChangeIsSaved()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        await using var liNa = db.CreateScope();
        await using var wangFang = db.CreateScope();
        var liNaOrders = liNa.ServiceProvider.GetRequiredService<OrderService>();
        var wangFangOrders = wangFang.ServiceProvider.GetRequiredService<OrderService>();
        Assert.NotNull(await liNaOrders.FindAsync(order.Number, Ct));
        Assert.NotNull(await wangFangOrders.FindAsync(order.Number, Ct));

        await liNaOrders.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: Ct);
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            wangFangOrders.CancelAsync(order.Number, "Customer called to cancel", Wang, ct: Ct));

        Assert.Equal($"Order {order.Number} was changed by someone else a moment ago. Look at it again and retry.", error.Message);
        Assert.Equal("concurrency_conflict", error.Code);
        var saved = await db.SnapshotAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.Paid, 1, 0), (saved.Status, saved.PaymentCount, saved.RefundCount));
        Assert.Equal((8, 4), (saved.TeaStock, saved.CupStock));
        Assert.DoesNotContain((await db.ReloadAsync(order.Number, Ct)).History, h => h.To == OrderStatus.Cancelled);
    }

    [Fact]
    public async Task AfterAConflictTryingAgainWorksOnWhatTheOtherRepSaved()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        await using var wangFang = db.CreateScope();
        var wangFangOrders = wangFang.ServiceProvider.GetRequiredService<OrderService>();
        await wangFangOrders.FindAsync(order.Number, Ct);
        await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => wangFangOrders.CancelAsync(order.Number, "Customer called to cancel", Wang, ct: Ct));

        var cancelled = await wangFangOrders.CancelAsync(order.Number, "Customer called to cancel", Wang, ct: Ct);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        var saved = await db.SnapshotAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.Cancelled, OrderTotal, 10, 5), (saved.Status, saved.AmountRefunded, saved.TeaStock, saved.CupStock));
    }

    [Fact]
    public async Task AChangeMadeOnAnOutdatedVersionIsRefusedAsAConflict()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var versionTheRepSaw = order.Version;
        await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, expectedVersion: versionTheRepSaw, ct: Ct));
        var before = await db.SnapshotAsync(order.Number, Ct);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.OrdersAsync(o => o.CancelAsync(order.Number, "Customer called to cancel", Wang, expectedVersion: versionTheRepSaw, ct: Ct)));

        Assert.Contains(order.Number, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task TwoCustomersOrderingTheLastUnitsAtOnceGetOneOrderAndOneOutOfStock()
    {
        var gate = new TransactionGate();
        await using var db = await TestDatabase.CreateAsync(gate, Ct, Provider);
        var customerId = await db.StockTheShopAsync(Ct);
        gate.Arm(2);

        var outcomes = await Task.WhenAll(
            Task.Run(() => db.TryPlaceAsync(customerId, new(Cup, 3)), Ct),
            Task.Run(() => db.TryPlaceAsync(customerId, new(Cup, 3)), Ct));

        Assert.Equal(2, gate.Held);
        Assert.Single(outcomes, o => o.Order is not null);
        var refused = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o.Error is not null).Error, exactMatch: true);
        Assert.Equal($"Only 2 of Celadon cup ({Cup}) left in stock; 3 were asked for.", refused.Message);
        Assert.Equal(2, await db.StockAsync(Cup, Ct));
        Assert.Equal(1, await db.OrderCountAsync(Ct));
    }

    [Fact]
    public async Task ManyOrdersAtOnceSellExactlyTheStockAndNeverMore()
    {
        var gate = new TransactionGate();
        await using var db = await TestDatabase.CreateAsync(gate, Ct, Provider);
        var customerId = await db.StockTheShopAsync(Ct);
        gate.Arm(8);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => db.TryPlaceAsync(customerId, new(Cup, 1)), Ct)));

        Assert.Equal(8, gate.Held);
        Assert.Equal(5, outcomes.Count(o => o.Order is not null));
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal("product.out_of_stock", Assert.IsType<DomainException>(o.Error, exactMatch: true).Code));
        Assert.Equal(0, await db.StockAsync(Cup, Ct));
        Assert.Equal(5, await db.WithDbAsync(d => d.Orders.SelectMany(o => o.Lines).SumAsync(l => l.Quantity, Ct)));
    }
}
