using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Domain;

/// <summary>What is saved to the real SQLite database comes back the same, and SQL sorts and sums it correctly.</summary>
public class PersistenceRoundTripTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryMigrationIsAppliedIncludingTheSearchIndexAndItsTriggers()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);

        var pending = await db.WithDbAsync(d => d.Database.GetPendingMigrationsAsync(Ct));

        Assert.Empty(pending);
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // The FTS5 index is SQLite's own (PostgreSQL searches the words of names with LIKE).
        var searchObjects = await db.WithDbAsync(d =>
            d.Database.SqlQuery<string>($"SELECT type || ' ' || name AS Value FROM sqlite_master WHERE sql LIKE '%CustomerSearchIndex%'").ToListAsync(Ct));

        Assert.Contains("table CustomerSearchIndex", searchObjects);
        Assert.Contains("trigger Customers_SearchIndex_Insert", searchObjects);
        Assert.Contains("trigger Customers_SearchIndex_Update", searchObjects);
        Assert.Contains("trigger Customers_SearchIndex_Delete", searchObjects);
    }

    [Fact]
    public async Task ACustomerWithAnAddressComesBackAsSaved()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var profile = new CustomerProfile(
            "张三",
            "Zhang.San@Example.com",
            "138 0013 8000",
            new PostalAddress("朝阳区建国路 88 号", "北京", "北京市", "100022", "cn"),
            "Asia/Shanghai",
            "zh-CN",
            ConsentToProactiveMessages: true);
        var created = await db.CustomersAsync(customers => customers.CreateAsync(profile, Ct));

        var loaded = await db.CustomersAsync(customers => customers.GetAsync(created.Id, Ct));

        Assert.Equal("张三", loaded.Name);
        Assert.Equal("zhang.san@example.com", loaded.Email);
        Assert.Equal("+8613800138000", loaded.Phone);
        Assert.Equal("13800138000", loaded.PhoneNational);
        Assert.Equal(new PostalAddress("朝阳区建国路 88 号", "北京", "北京市", "100022", "CN"), loaded.Address);
        Assert.Equal("Asia/Shanghai", loaded.TimeZone);
        Assert.Equal("zh-CN", loaded.PreferredLanguage);
        Assert.True(loaded.ConsentToProactiveMessages);
        Assert.Equal(TestDatabase.Start, loaded.CreatedAt);
    }

    [Fact]
    public async Task ACustomerWithoutAnAddressComesBackWithoutOne()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var created = await db.AddCustomerAsync("Li Lei", "li.lei@example.com", null, Ct);

        var loaded = await db.CustomersAsync(customers => customers.GetAsync(created.Id, Ct));

        Assert.Null(loaded.Address);
        Assert.Null(loaded.Phone);
    }

    [Fact]
    public async Task AnOrderComesBackWithItsLinesPaymentsShipmentsRefundsAndHistory()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customer = await db.AddCustomerAsync(Ct);
        await db.AddProductAsync("TEA-1", 25m, 10, Ct, name: "Longjing tea");
        await db.AddProductAsync("CUP-1", 40m, 5, Ct, name: "Celadon cup");
        var placed = await db.PlaceAsync(customer.Id, Ct, new("TEA-1", 2), new("cup-1", 1));
        db.Clock.Advance(TimeSpan.FromHours(1));
        await db.OrdersAsync(o => o.PayAsync(placed.Number, new Money(90m, "CNY"), "alipay", "ALI-77", TestDatabase.Rep, ct: Ct));
        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.OrdersAsync(o => o.ShipAsync(placed.Number, "SF Express", "SF1234567890", TestDatabase.Rep, ct: Ct));
        db.Clock.Advance(TimeSpan.FromDays(2));
        await db.OrdersAsync(o => o.DeliverAsync(placed.Number, Actor.System, ct: Ct));
        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.OrdersAsync(o => o.RefundAsync(placed.Number, new Money(40m, "CNY"), "Cup arrived chipped", TestDatabase.Rep, ct: Ct));

        var order = await db.ReloadAsync(placed.Number, Ct);

        Assert.Equal(OrderStatus.PartiallyRefunded, order.Status);
        Assert.Equal(customer.Id, order.CustomerId);
        Assert.Equal(new Money(90m, "CNY"), order.Total);
        Assert.Equal(
            [("CUP-1", "Celadon cup", 40m, 1), ("TEA-1", "Longjing tea", 25m, 2)],
            order.Lines.Select(l => (l.Sku, l.ProductName, l.UnitPrice.Amount, l.Quantity)).Order());
        var payment = Assert.Single(order.Payments);
        Assert.Equal((new Money(90m, "CNY"), "alipay", "ALI-77", TestDatabase.Start.AddHours(1)), (payment.Amount, payment.Method, payment.Reference, payment.PaidAt));
        var shipment = Assert.Single(order.Shipments);
        Assert.Equal(("SF Express", "SF1234567890"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal(TestDatabase.Start.AddHours(1).AddDays(1), shipment.ShippedAt);
        Assert.Equal(TestDatabase.Start.AddHours(1).AddDays(3), shipment.DeliveredAt);
        var refund = Assert.Single(order.Refunds);
        Assert.Equal((new Money(40m, "CNY"), "Cup arrived chipped"), (refund.Amount, refund.Reason));
        Assert.Equal(
            [OrderStatus.Draft, OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PartiallyRefunded],
            OrderTimeline.Of(order).Entries.Select(e => e.To));
        Assert.Equal(TestDatabase.Start, order.PlacedAt);
    }

    [Fact]
    public async Task MoneyWithFourDecimalsSurvivesTheRoundTrip()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customer = await db.AddCustomerAsync(Ct);
        await db.AddProductAsync("GOLD-G", 612.3456m, 100, Ct);
        await db.AddProductAsync("TINY", 0.0001m, 100, Ct);
        var placed = await db.PlaceAsync(customer.Id, Ct, new("GOLD-G", 3), new("TINY", 7));

        var order = await db.ReloadAsync(placed.Number, Ct);
        var prices = await db.WithDbAsync(d => d.Products.OrderBy(p => p.Sku).Select(p => p.Price).ToListAsync(Ct));

        Assert.Equal(new Money(1837.0375m, "CNY"), order.Total);
        Assert.Equal([new Money(612.3456m, "CNY"), new Money(0.0001m, "CNY")], prices);
    }

    [Fact]
    public async Task SqlSortsAndSumsMoneyAsNumbersNotAsText()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.AddProductAsync("B", 10.25m, 1, Ct);
        await db.AddProductAsync("C", 100m, 1, Ct);
        await db.AddProductAsync("A", 9.5m, 1, Ct);

        var (ascending, descending, sum, above10, sumSql) = await db.WithDbAsync(async d =>
        {
            var prices = d.Products.Select(p => p.Price.Amount);
            return (
                await d.Products.OrderBy(p => p.Price.Amount).Select(p => p.Sku).ToListAsync(Ct),
                await d.Products.OrderByDescending(p => p.Price.Amount).Select(p => p.Sku).ToListAsync(Ct),
                await prices.SumAsync(Ct),
                await d.Products.CountAsync(p => p.Price.Amount > 10m, Ct),
                d.Products.OrderBy(p => p.Price.Amount).ToQueryString());
        });

        Assert.Equal(["A", "B", "C"], ascending);
        Assert.Equal(["C", "B", "A"], descending);
        Assert.Equal(119.75m, sum);
        Assert.Equal(2, above10);
        Assert.Matches("ORDER BY \"?p\"?\\.\"PriceAmount\"", sumSql);
    }

    [Fact]
    public async Task OrderTotalsAreSummedAndRankedInSql()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customer = await db.AddCustomerAsync(Ct);
        await db.AddProductAsync("B", 10.25m, 10, Ct);
        await db.AddProductAsync("C", 100m, 10, Ct);
        await db.AddProductAsync("A", 9.5m, 10, Ct);
        var small = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("A", 1));
        var large = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("C", 1));
        var middle = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("B", 1));

        var (biggestFirst, revenue) = await db.WithDbAsync(async d => (
            await d.Orders.OrderByDescending(o => o.Total.Amount).Select(o => o.Number).ToListAsync(Ct),
            await d.Orders.Where(o => o.CustomerId == customer.Id).SumAsync(o => o.Total.Amount, Ct)));

        Assert.Equal([large.Number, middle.Number, small.Number], biggestFirst);
        Assert.Equal(119.75m, revenue);
    }

    [Fact]
    public async Task MomentsAreOrderedByInstantWhateverTheirOffset()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var rep = new SalesRep("Li Na", "li.na@example.com", null, 20);
        var beijing = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));   // 02:00 UTC
        var london = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);              // 03:00 UTC
        var newYork = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.FromHours(-5));   // 06:30 UTC
        await db.WithDbAsync(async d =>
        {
            d.SalesReps.Add(rep);
            d.Reminders.Add(new Reminder(rep.Id, "Call New York", newYork, TestDatabase.Start));
            d.Reminders.Add(new Reminder(rep.Id, "Call Beijing", beijing, TestDatabase.Start));
            d.Reminders.Add(new Reminder(rep.Id, "Call London", london, TestDatabase.Start));
            await d.SaveChangesAsync(Ct);
        });
        var at0230Utc = new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero);

        var (inOrder, dueBy0230, loaded) = await db.WithDbAsync(async d => (
            await d.Reminders.OrderBy(r => r.DueAt).Select(r => r.Text).ToListAsync(Ct),
            await d.Reminders.Where(r => r.DueAt <= at0230Utc).Select(r => r.Text).ToListAsync(Ct),
            await d.Reminders.SingleAsync(r => r.Text == "Call Beijing", Ct)));

        Assert.Equal(["Call Beijing", "Call London", "Call New York"], inOrder);
        Assert.Equal(["Call Beijing"], dueBy0230);
        Assert.Equal(beijing, loaded.DueAt);
    }

    [Fact]
    public async Task OrdersPlacedLaterSortAfterEarlierOnes()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var customer = await db.AddCustomerAsync(Ct);
        await db.AddProductAsync("A", 9.5m, 10, Ct);
        var first = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("A", 1));
        db.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("A", 1));
        db.Clock.Advance(TimeSpan.FromDays(400));
        var third = await db.PlaceAsync(customer.Id, Ct, new OrderLineRequest("A", 1));

        var newestFirst = await db.WithDbAsync(d => d.Orders.OrderByDescending(o => o.CreatedAt).Select(o => o.Number).ToListAsync(Ct));

        Assert.Equal([third.Number, second.Number, first.Number], newestFirst);
    }
}
