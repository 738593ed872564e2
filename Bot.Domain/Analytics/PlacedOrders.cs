using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// Reads the orders placed in a range (drafts never count) in the shop's currency, as narrow rows: one query over the
/// orders, and one for the refunds of the partly refunded ones (only they need their refund rows read).
/// </summary>
/// <remarks>
/// Amounts are scaled integers and moments UTC ticks in SQLite, so the range filter and the currency run in SQL and
/// every sum and every grouping by the shop's month in memory: SQL cannot know the shop's months, and a SUM over the
/// converted column would skip the converter.
/// </remarks>
internal sealed class PlacedOrders(CrmDbContext db, ShopCalendar calendar, IOptions<CrmOptions> shop)
{
    public string Currency { get; } = shop.Value.DefaultCurrency;

    public async Task<IReadOnlyList<PlacedOrder>> InAsync(DateRange range, CancellationToken ct)
    {
        var (start, end) = calendar.Bounds(range);
        var placed = db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Total.Currency == Currency);

        var rows = await placed
            .Select(o => new
            {
                o.Id,
                o.CustomerId,
                PlacedAt = o.PlacedAt!.Value,
                o.Status,
                o.Total.Amount,
                PaidThenCancelled = o.Status == OrderStatus.Cancelled && o.Payments.Any(),
            })
            .ToListAsync(ct);
        var partlyRefunded = (await placed
                .Where(o => o.Status == OrderStatus.PartiallyRefunded)
                .SelectMany(o => o.Refunds, (o, r) => new { o.Id, r.Amount.Amount })
                .ToListAsync(ct))
            .ToLookup(r => r.Id, r => r.Amount);

        return [.. rows.Select(o =>
        {
            var paid = o.PaidThenCancelled || o.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded or OrderStatus.Refunded;
            var refunded = o.Status == OrderStatus.Refunded || o.PaidThenCancelled ? o.Amount : partlyRefunded[o.Id].Sum();
            return new PlacedOrder(o.CustomerId, o.PlacedAt, o.Status, o.Amount, paid, refunded);
        })];
    }
}
