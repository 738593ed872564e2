using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>Orders and revenue per month and per status, average order value, refund rate and conversion over a range.</summary>
public sealed class OrderAnalytics(CrmDbContext db, ShopCalendar calendar, IOptions<CrmOptions> shop)
{
    private readonly PlacedOrders _orders = new(db, calendar, shop);

    public async Task<OrderFigures> FiguresAsync(DateRange range, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var orders = await _orders.InAsync(range, ct);
        var currency = _orders.Currency;
        Money Sum(IEnumerable<decimal> amounts) => new(amounts.Sum(), currency);

        var paid = orders.Where(o => o.Paid).ToList();
        var refunded = paid.Count(o => o.HadRefund);
        var byMonth = orders.ToLookup(o => calendar.MonthOf(o.PlacedAt));
        var months = range.Months
            .Select(month => new MonthlyOrders(month, byMonth[month].Count(), byMonth[month].Count(o => o.Paid), Sum(byMonth[month].Select(o => o.Revenue))))
            .ToList();
        var statuses = orders
            .GroupBy(o => o.Status)
            .OrderBy(g => g.Key)
            .Select(g => new StatusOrders(g.Key, g.Count(), Sum(g.Select(o => o.Total))))
            .ToList();

        return new OrderFigures(
            range,
            currency,
            orders.Count,
            paid.Count,
            refunded,
            GrossRevenue: Sum(paid.Select(o => o.Total)),
            Refunded: Sum(paid.Select(o => o.Refunded)),
            Revenue: Sum(paid.Select(o => o.Revenue)),
            Conversion: orders.Count == 0 ? null : (double)paid.Count / orders.Count,
            RefundRate: paid.Count == 0 ? null : (double)refunded / paid.Count,
            OrderValueStatistics.Of([.. paid.Select(o => o.Total)], currency),
            months,
            statuses);
    }
}
