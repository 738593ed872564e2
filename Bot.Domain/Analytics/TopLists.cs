using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>The best customers and products of a range, by revenue (ties: more orders first, then by name).</summary>
public sealed class TopLists(CrmDbContext db, ShopCalendar calendar, IOptions<CrmOptions> shop, IOptions<AnalyticsOptions> options)
{
    private readonly PlacedOrders _orders = new(db, calendar, shop);

    public async Task<IReadOnlyList<TopCustomer>> CustomersAsync(DateRange range, int? count = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var currency = _orders.Currency;
        var best = (await _orders.InAsync(range, ct))
            .Where(o => o.Paid)
            .GroupBy(o => o.CustomerId)
            .Select(g => (Id: g.Key, Orders: g.Count(), Revenue: g.Sum(o => o.Revenue)))
            .Where(c => c.Revenue > 0m)
            .ToList();
        var ids = best.Select(c => c.Id).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        return [.. best
            .Select(c => new TopCustomer(c.Id, names.GetValueOrDefault(c.Id, "?"), c.Orders, new Money(c.Revenue, currency)))
            .OrderByDescending(c => c.Revenue.Amount)
            .ThenByDescending(c => c.Orders)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count ?? options.Value.TopCount)];
    }

    public async Task<IReadOnlyList<TopProduct>> ProductsAsync(DateRange range, int? count = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var (start, end) = calendar.Bounds(range);
        var currency = _orders.Currency;
        var lines = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Total.Currency == currency)
            .Where(o => o.Status == OrderStatus.Paid || o.Status == OrderStatus.Shipped || o.Status == OrderStatus.Delivered || o.Status == OrderStatus.PartiallyRefunded)
            .SelectMany(o => o.Lines, (o, l) => new { OrderId = o.Id, l.ProductId, l.Sku, l.ProductName, Price = l.UnitPrice.Amount, l.Quantity })
            .ToListAsync(ct);

        return [.. lines
            .GroupBy(l => l.ProductId)
            .Select(g => new TopProduct(
                g.Key,
                g.Last().Sku,
                g.Last().ProductName,
                g.Sum(l => l.Quantity),
                g.Select(l => l.OrderId).Distinct().Count(),
                new Money(g.Sum(l => l.Price * l.Quantity), currency)))
            .OrderByDescending(p => p.Revenue.Amount)
            .ThenByDescending(p => p.Orders)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(count ?? options.Value.TopCount)];
    }
}
