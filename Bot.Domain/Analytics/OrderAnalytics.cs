using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>Orders and revenue per month and per status, average order value, refund rate and conversion over a range.</summary>
/// <remarks>
/// Counts and sums are grouped in SQL, one query per shop month (SQL cannot know the shop's months; the index on
/// PlacedAt holds every column these queries read). Only what a status alone cannot tell is read order by order: the
/// cancelled orders that had been paid, the partly refunded ones with their refunds, and the paid totals, whose sample
/// variance is computed exactly in decimal.
/// </remarks>
public sealed class OrderAnalytics(CrmDbContext db, ShopCalendar calendar, IOptions<CrmOptions> shop)
{
    public async Task<OrderFigures> FiguresAsync(DateRange range, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var currency = shop.Value.DefaultCurrency;
        var (start, end) = calendar.Bounds(range);
        var placed = Placed(start, end, currency);

        var cells = new List<Cell>();
        foreach (var month in range.Months)
        {
            var from = Later(start, calendar.StartOf(month));
            var to = Earlier(end, calendar.StartOf(month.AddMonths(1)));
            // Only the month's bounds: SQLite would walk the index over the whole range for a second pair of them.
            cells.AddRange(await Placed(from, to, currency)
                .GroupBy(o => o.Status)
                .Select(g => new Cell(month, g.Key, g.Count(), g.Sum(o => o.Total.Amount)))
                .ToListAsync(ct));
        }

        var paidThenCancelled = await placed
            .Where(o => o.Status == OrderStatus.Cancelled && o.Payments.Any())
            .Select(o => new Special(o.PlacedAt!.Value, o.Total.Amount, o.Total.Amount))
            .ToListAsync(ct);
        var partlyRefunded = await placed
            .Where(o => o.Status == OrderStatus.PartiallyRefunded)
            .Select(o => new Special(o.PlacedAt!.Value, o.Total.Amount, o.Refunds.Sum(r => r.Amount.Amount)))
            .ToListAsync(ct);
        var paidTotals = await placed
            // IsPaid in SQL: a placed order is not a draft, so all but placed and cancelled.
            .Where(o => o.Status != OrderStatus.Placed && o.Status != OrderStatus.Cancelled)
            .Select(o => o.Total.Amount)
            .ToListAsync(ct);
        paidTotals.AddRange(paidThenCancelled.Select(o => o.Total));

        Money Sum(IEnumerable<decimal> amounts) => new(amounts.Sum(), currency);
        var paidCells = cells.Where(c => c.Status.IsPaid()).ToList();
        var keptCells = cells.Where(c => c.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered).ToList();
        var cancelledByMonth = paidThenCancelled.ToLookup(o => calendar.MonthOf(o.PlacedAt));
        var partlyByMonth = partlyRefunded.ToLookup(o => calendar.MonthOf(o.PlacedAt));
        var months = range.Months
            .Select(month => new MonthlyOrders(
                month,
                cells.Where(c => c.Month == month).Sum(c => c.Orders),
                paidCells.Where(c => c.Month == month).Sum(c => c.Orders) + cancelledByMonth[month].Count(),
                Sum(keptCells.Where(c => c.Month == month).Select(c => c.Total).Concat(partlyByMonth[month].Select(o => o.Total - o.Refunded)))))
            .ToList();
        var statuses = cells
            .GroupBy(c => c.Status)
            .OrderBy(g => g.Key)
            .Select(g => new StatusOrders(g.Key, g.Sum(c => c.Orders), Sum(g.Select(c => c.Total))))
            .ToList();

        var placedCount = cells.Sum(c => c.Orders);
        var paidCount = paidTotals.Count;
        var refundedOrders = cells.Where(c => c.Status == OrderStatus.Refunded).Sum(c => c.Orders)
            + partlyRefunded.Count(o => o.Refunded > 0m) + paidThenCancelled.Count;
        var gross = Sum(paidTotals);
        var refunded = Sum(cells.Where(c => c.Status == OrderStatus.Refunded).Select(c => c.Total)
            .Concat(partlyRefunded.Select(o => o.Refunded)).Concat(paidThenCancelled.Select(o => o.Refunded)));

        return new OrderFigures(
            range,
            currency,
            placedCount,
            paidCount,
            refundedOrders,
            GrossRevenue: gross,
            Refunded: refunded,
            Revenue: gross - refunded,
            Conversion: placedCount == 0 ? null : (double)paidCount / placedCount,
            RefundRate: paidCount == 0 ? null : (double)refundedOrders / paidCount,
            OrderValueStatistics.Of(paidTotals, currency),
            months,
            statuses);
    }

    private IQueryable<Order> Placed(DateTimeOffset start, DateTimeOffset end, string currency) =>
        db.Orders.AsNoTracking().Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Total.Currency == currency);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The placed orders of one status in one shop month: how many, and their totals.</summary>
    private sealed record Cell(DateOnly Month, OrderStatus Status, int Orders, decimal Total);

    /// <summary>An order whose status does not tell what went back: its total and what was refunded on it.</summary>
    private sealed record Special(DateTimeOffset PlacedAt, decimal Total, decimal Refunded);
}
