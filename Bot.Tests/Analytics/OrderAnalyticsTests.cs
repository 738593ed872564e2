using CrmBot.Domain.Analytics;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CrmBot.Tests.Analytics.AnalyticsShop;

namespace CrmBot.Tests.Analytics;

/// <summary>The order figures of <see cref="AnalyticsShop"/> over March and April 2026 (orders 1 to 8), worked out by hand.</summary>
public class OrderAnalyticsTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly DateRange MarchAndApril = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CountsPlacedAndPaidOrdersAndConvertsThreeOutOfFour()
    {
        var figures = await FiguresAsync(MarchAndApril);

        // Placed: 1-8 (9 is May in Shanghai). Paid: 1, 2, 3, 5 (paid, then cancelled), 7, 8.
        Assert.Equal((8, 6), (figures.Placed, figures.Paid));
        Assert.Equal(0.75, figures.Conversion);
    }

    [Fact]
    public async Task RevenueIsWhatPaidOrdersBroughtLessRefunds()
    {
        var figures = await FiguresAsync(MarchAndApril);

        // Gross 90 + 40 + 100 + 80 + 65 + 120; refunded 40 (2) + 30 (3) + 80 (5, cancelled after payment).
        Assert.Equal(Cny(495), figures.GrossRevenue);
        Assert.Equal(Cny(150), figures.Refunded);
        Assert.Equal(Cny(345), figures.Revenue);
        Assert.Equal("CNY", figures.Currency);
    }

    [Fact]
    public async Task RefundRateIsPaidOrdersWithMoneyBackOverPaidOrders()
    {
        var figures = await FiguresAsync(MarchAndApril);

        Assert.Equal(3, figures.RefundedOrders);
        Assert.Equal(0.5, figures.RefundRate);
    }

    [Fact]
    public async Task AverageOrderValueComesWithTheSampleVarianceAndStandardDeviation()
    {
        var figures = await FiguresAsync(MarchAndApril);

        // Paid totals 90, 40, 100, 80, 65, 120: mean 495 / 6 = 82.5; squared deviations 56.25 + 1806.25 + 306.25
        // + 6.25 + 306.25 + 1406.25 = 3887.5; sample variance 3887.5 / (6 - 1) = 777.5; deviation sqrt(777.5) = 27.88369.
        var value = figures.AverageOrderValue;
        Assert.Equal(6, value.Orders);
        Assert.Equal(Cny(82.5m), value.Mean);
        Assert.Equal(777.5m, value.SampleVariance);
        Assert.Equal(Cny(27.8837m), value.StandardDeviation);
    }

    [Fact]
    public async Task MonthsFollowTheShopsTimeZone()
    {
        var figures = await FiguresAsync(MarchAndApril);

        // Order 2 (15:30 UTC on March 31st) is 23:30 in Shanghai: March. Order 3 an hour later is April 1st there.
        Assert.Equal(
            [
                new MonthlyOrders(new DateOnly(2026, 3, 1), Placed: 2, Paid: 2, Cny(90)),
                new MonthlyOrders(new DateOnly(2026, 4, 1), Placed: 6, Paid: 4, Cny(255)),
            ],
            figures.Months);
    }

    [Fact]
    public async Task StatusesCountTheOrdersAndTheirTotals()
    {
        var figures = await FiguresAsync(MarchAndApril);

        Assert.Equal(
            [
                new StatusOrders(OrderStatus.Placed, 1, Cny(25)),
                new StatusOrders(OrderStatus.Paid, 1, Cny(90)),
                new StatusOrders(OrderStatus.Shipped, 1, Cny(65)),
                new StatusOrders(OrderStatus.Delivered, 1, Cny(120)),
                new StatusOrders(OrderStatus.Cancelled, 2, Cny(130)),
                new StatusOrders(OrderStatus.PartiallyRefunded, 1, Cny(100)),
                new StatusOrders(OrderStatus.Refunded, 1, Cny(40)),
            ],
            figures.Statuses);
    }

    [Fact]
    public async Task AMonthStartsAtMidnightInTheShopsTimeZone()
    {
        var may = await FiguresAsync(DateRange.Month(new DateOnly(2026, 5, 1)));

        // Order 9 was placed at 16:30 UTC on April 30th, 00:30 on May 1st in Shanghai.
        Assert.Equal((1, Cny(25)), (may.Placed, may.Revenue));
    }

    [Fact]
    public async Task ARangeWithoutOrdersHasZeroesAndNoRatios()
    {
        var figures = await FiguresAsync(DateRange.Month(new DateOnly(2026, 2, 1)));

        Assert.Equal((0, 0, Cny(0)), (figures.Placed, figures.Paid, figures.Revenue));
        Assert.Null(figures.Conversion);
        Assert.Null(figures.RefundRate);
        Assert.Equal(new OrderValueStatistics(0, null, null, null), figures.AverageOrderValue);
        Assert.Equal([new MonthlyOrders(new DateOnly(2026, 2, 1), 0, 0, Cny(0))], figures.Months);
    }

    [Fact]
    public async Task TopCustomersAreRankedByRevenueAfterRefunds()
    {
        await using var db = await ShopAsync();

        var top = await db.InScopeAsync(s => s.GetRequiredService<TopLists>().CustomersAsync(MarchAndApril, ct: Ct));

        // Alice 90 + (100 - 30); Carol 120; Bob 0 + 0 + 65 on three paid orders.
        Assert.Equal([("Alice", 2, Cny(160)), ("Carol", 1, Cny(120)), ("Bob", 3, Cny(65))], top.Select(c => (c.Name, c.Orders, c.Revenue)));
    }

    [Fact]
    public async Task TopProductsCountUnitsAndOrdersNotRefundedInFull()
    {
        await using var db = await ShopAsync();

        var top = await db.InScopeAsync(s => s.GetRequiredService<TopLists>().ProductsAsync(MarchAndApril, ct: Ct));

        // Orders 1, 3, 7, 8 (2 and 5 went back whole): cups 1 + 1 + 3, teas 2 + 4 + 1.
        Assert.Equal([(Cup, 5, 3, Cny(200)), (Tea, 7, 3, Cny(175))], top.Select(p => (p.Sku, p.Quantity, p.Orders, p.Revenue)));
    }

    [Fact]
    public async Task TheTopListIsCutToTheCountAskedFor()
    {
        await using var db = await ShopAsync();

        var top = await db.InScopeAsync(s => s.GetRequiredService<TopLists>().CustomersAsync(MarchAndApril, 1, Ct));

        Assert.Equal("Alice", Assert.Single(top).Name);
    }

    private async Task<OrderFigures> FiguresAsync(DateRange range)
    {
        await using var db = await ShopAsync();
        return await db.InScopeAsync(s => s.GetRequiredService<OrderAnalytics>().FiguresAsync(range, Ct));
    }

    private async Task<TestDatabase> ShopAsync()
    {
        var db = await TestDatabase.CreateAsync(Provider, Ct, services => services.AddCrmAnalytics());
        var shop = new AnalyticsShop(db);
        await shop.MarchAsync(Ct);
        await shop.AprilAsync(Ct);
        return db;
    }
}
