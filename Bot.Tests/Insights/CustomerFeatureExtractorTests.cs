using CrmBot.Domain.Insights;

namespace CrmBot.Tests.Insights;

public sealed class CustomerFeatureExtractorTests
{
    private static readonly DateTimeOffset AsOf = Day(2026, 1, 1);

    /// <summary>
    /// A customer since 1 Jan 2025: an order delivered in March, one cancelled in June, one refunded in November and
    /// one still open from December; contacted twice in December. Then, after the as-of date, more of everything.
    /// </summary>
    private static readonly CustomerHistory History = new(
        Guid.NewGuid(),
        "C-1",
        Day(2025, 1, 1),
        [
            new PastOrder(Day(2025, 3, 1), 100m, ClosedAt: Day(2025, 3, 5)),
            new PastOrder(Day(2025, 6, 1), 200m, CancelledAt: Day(2025, 6, 2), ClosedAt: Day(2025, 6, 2)),
            new PastOrder(Day(2025, 11, 1), 50m, RefundedAt: Day(2025, 11, 10), ClosedAt: Day(2025, 11, 10)),
            new PastOrder(Day(2025, 12, 20), 80m),
            new PastOrder(Day(2026, 1, 5), 999m),
        ],
        [Day(2025, 12, 1), Day(2025, 12, 25), Day(2026, 1, 2)]);

    [Fact]
    public void FeaturesAreComputedFromTheHistoryBeforeTheMoment()
    {
        var features = CustomerFeatureExtractor.At(History, AsOf);

        Assert.Equal(12, features.DaysSinceLastOrder);
        Assert.Equal(1, features.OrdersLast30Days);
        Assert.Equal(2, features.OrdersLast90Days);
        Assert.Equal(4, features.OrdersLast365Days);
        Assert.Equal(4, features.OrdersAllTime);
        Assert.Equal(130, features.SpendLast90Days);
        Assert.Equal(230, features.SpendLast365Days);
        Assert.Equal(230f / 3, features.AverageOrderValue, 0.001f);
        Assert.Equal(2, features.OrderTrend);
        Assert.Equal(98, features.AverageDaysBetweenOrders);
        Assert.Equal(7, features.DaysSinceLastContact);
        Assert.Equal(1, features.ContactsLast30Days);
        Assert.Equal(2, features.ContactsLast90Days);
        Assert.Equal(1, features.OpenOrders);
        Assert.Equal(1, features.RefundsLast365Days);
        Assert.Equal(1, features.CancellationsLast365Days);
        Assert.Equal(365, features.TenureDays);
    }

    [Fact]
    public void NothingAfterTheMomentChangesTheFeatures()
    {
        var withoutTheFuture = History with
        {
            Orders = [.. History.Orders.Where(o => o.PlacedAt < AsOf).Select(o => o with
            {
                CancelledAt = o.CancelledAt < AsOf ? o.CancelledAt : null,
                RefundedAt = o.RefundedAt < AsOf ? o.RefundedAt : null,
                ClosedAt = o.ClosedAt < AsOf ? o.ClosedAt : null,
            })],
            Contacts = [.. History.Contacts.Where(c => c < AsOf)],
        };
        // The open December order is refunded later: at the moment it was still open.
        var laterRefund = History with
        {
            Orders = [.. History.Orders.Select(o => o.PlacedAt == Day(2025, 12, 20) ? o with { RefundedAt = Day(2026, 1, 3), ClosedAt = Day(2026, 1, 3) } : o)],
        };

        var expected = CustomerFeatureExtractor.At(withoutTheFuture, AsOf);

        Assert.Equivalent(expected, CustomerFeatureExtractor.At(History, AsOf), strict: true);
        Assert.Equivalent(expected, CustomerFeatureExtractor.At(laterRefund, AsOf), strict: true);
    }

    [Fact]
    public void TheLabelSaysWhetherAnOrderFollowedWithinTheHorizon()
    {
        var horizon = TimeSpan.FromDays(30);

        Assert.True(CustomerFeatureExtractor.Labelled(History, AsOf, horizon).Label);
        Assert.False(CustomerFeatureExtractor.Labelled(History, Day(2026, 1, 6), horizon).Label);
        Assert.False(CustomerFeatureExtractor.Labelled(History, Day(2025, 12, 1), TimeSpan.FromDays(10)).Label);
    }

    [Fact]
    public void ACustomerWithoutOrdersOrContactsCountsFromWhenTheyJoined()
    {
        var newcomer = new CustomerHistory(Guid.NewGuid(), null, Day(2025, 12, 2), [], []);

        var features = CustomerFeatureExtractor.At(newcomer, AsOf);

        Assert.Equal(30, features.DaysSinceLastOrder);
        Assert.Equal(30, features.DaysSinceLastContact);
        Assert.Equal(30, features.TenureDays);
        Assert.Equal(0, features.OrdersAllTime);
        Assert.Equal(0, features.AverageOrderValue);
        Assert.Equal(0, features.AverageDaysBetweenOrders);
    }

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
