using CrmBot.Domain.Analytics;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CrmBot.Tests.Analytics.AnalyticsShop;

namespace CrmBot.Tests.Analytics;

/// <summary>The customer figures of <see cref="AnalyticsShop"/> (active: ordered within 90 days; churned: ordered before, not within 180).</summary>
public class CustomerAnalyticsTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewCustomersCountInTheShopsMonthAndEveryoneWhoOrderedLatelyIsActive()
    {
        await using var db = await ShopAsync(Utc(5, 2, 0));

        var figures = await FiguresAsync(db, new DateRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)));

        // As of the end of April in Shanghai (16:00 UTC on the 30th): Dan (16:30) and order 9 come after it.
        Assert.Equal(Utc(4, 30, 16), figures.AsOf);
        Assert.Equal((3, 3, 3, 0), (figures.Customers, figures.New, figures.Active, figures.Churned));
        Assert.Equal([new MonthlyCustomers(new DateOnly(2026, 3, 1), 2, 0), new MonthlyCustomers(new DateOnly(2026, 4, 1), 1, 0)], figures.Months);
    }

    [Fact]
    public async Task CustomersWhoseLatestOrderIsOverHalfAYearOldHaveChurned()
    {
        await using var db = await ShopAsync(Utc(1, 15, 0, year: 2027));

        var figures = await FiguresAsync(db, DateRange.Year(2026));

        // As of 16:00 UTC on December 31st: Bob ordered 77.5 days before (active); Alice's latest order turned 180 days old
        // on October 27th 16:30 UTC (the 28th in Shanghai), Carol's on October 22nd; Dan never ordered.
        Assert.Equal((4, 4, 1, 2), (figures.Customers, figures.New, figures.Active, figures.Churned));
        Assert.Equal([0, 0, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0], figures.Months.Select(m => m.New));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0], figures.Months.Select(m => m.Churned));
    }

    [Fact]
    public async Task ACustomerBetweenActiveAndChurnedIsNeither()
    {
        await using var db = await ShopAsync(Utc(9, 1, 0));

        var figures = await FiguresAsync(db, DateRange.Month(new DateOnly(2026, 8, 1)));

        // As of September 1st 00:00 UTC (the range ends later, in Shanghai): the latest orders are 122 (Alice), 133 (Bob)
        // and 128 (Carol) days old.
        Assert.Equal(Utc(8, 31, 16), figures.AsOf);
        Assert.Equal((0, 0, 0), (figures.New, figures.Active, figures.Churned));
    }

    private static Task<CustomerFigures> FiguresAsync(TestDatabase db, DateRange range) =>
        db.InScopeAsync(s => s.GetRequiredService<CustomerAnalytics>().FiguresAsync(range, Ct));

    private async Task<TestDatabase> ShopAsync(DateTimeOffset now)
    {
        var db = await TestDatabase.CreateAsync(Provider, Ct, services => services.AddCrmAnalytics());
        var shop = new AnalyticsShop(db);
        await shop.MarchAsync(Ct);
        await shop.AprilAsync(Ct);
        if (now > Utc(10, 15, 3))
        {
            await shop.OctoberAsync(Ct);
        }

        db.Clock.SetUtcNow(now);
        return db;
    }
}
