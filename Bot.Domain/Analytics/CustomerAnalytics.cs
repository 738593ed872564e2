using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>New customers per month, and who is active or has churned (see <see cref="CustomerFigures"/>), over a range.</summary>
public sealed class CustomerAnalytics(CrmDbContext db, ShopCalendar calendar, IOptions<AnalyticsOptions> options)
{
    public async Task<CustomerFigures> FiguresAsync(DateRange range, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var (start, end) = calendar.Bounds(range);
        var asOf = end < calendar.Now ? end : calendar.Now;
        var (activeDays, churnDays) = (options.Value.ActiveDays, options.Value.ChurnDays);

        var joined = await db.Customers.AsNoTracking().Where(c => c.CreatedAt < asOf).Select(c => c.CreatedAt).ToListAsync(ct);
        var ordered = (await db.Orders.AsNoTracking()
                .Where(o => o.PlacedAt != null && o.PlacedAt < asOf)
                .Select(o => new { o.CustomerId, PlacedAt = o.PlacedAt!.Value })
                .ToListAsync(ct))
            .GroupBy(o => o.CustomerId, o => o.PlacedAt)
            .Select(g => g.Order().ToList())
            .ToList();

        var churns = ordered
            .SelectMany(times => times.Select((placed, i) => (At: placed.AddDays(churnDays), Next: i + 1 < times.Count ? times[i + 1] : DateTimeOffset.MaxValue)))
            .Where(c => c.Next > c.At && c.At >= start && c.At < asOf)
            .ToLookup(c => calendar.MonthOf(c.At));
        var joins = joined.Where(at => at >= start).ToList();
        var joinsByMonth = joins.ToLookup(calendar.MonthOf);

        return new CustomerFigures(
            range,
            asOf,
            activeDays,
            churnDays,
            Customers: joined.Count,
            New: joins.Count,
            Active: ordered.Count(times => asOf - times[^1] <= TimeSpan.FromDays(activeDays)),
            Churned: ordered.Count(times => asOf - times[^1] > TimeSpan.FromDays(churnDays)),
            [.. range.Months.Select(month => new MonthlyCustomers(month, joinsByMonth[month].Count(), churns[month].Count()))]);
    }
}
