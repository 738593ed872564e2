using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// Reads the orders placed in a range (drafts never count) in the shop's currency, as narrow rows, for the top lists.
/// Most orders need only their customer, time, status and total; the cancelled ones (was anything paid?) and the
/// partly refunded ones (how much went back?) are read apart, so that the question is asked of them alone.
/// </summary>
internal sealed class PlacedOrders(CrmDbContext db, ShopCalendar calendar, IOptions<CrmOptions> shop)
{
    public string Currency { get; } = shop.Value.DefaultCurrency;

    public async Task<IReadOnlyList<PlacedOrder>> InAsync(DateRange range, CancellationToken ct)
    {
        var (start, end) = calendar.Bounds(range);
        var placed = db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Total.Currency == Currency);

        var rows = await placed
            .Where(o => o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.PartiallyRefunded)
            .Select(o => new Row(o.CustomerId, o.PlacedAt!.Value, o.Status, o.Total.Amount, 0m, false))
            .ToListAsync(ct);
        rows.AddRange(await placed
            .Where(o => o.Status == OrderStatus.Cancelled)
            .Select(o => new Row(o.CustomerId, o.PlacedAt!.Value, o.Status, o.Total.Amount, 0m, o.Payments.Any()))
            .ToListAsync(ct));
        rows.AddRange(await placed
            .Where(o => o.Status == OrderStatus.PartiallyRefunded)
            .Select(o => new Row(o.CustomerId, o.PlacedAt!.Value, o.Status, o.Total.Amount, o.Refunds.Sum(r => r.Amount.Amount), true))
            .ToListAsync(ct));

        return [.. rows.Select(o =>
        {
            var paid = o.Status.IsPaid() || o.PaidBeforeCancelled;
            var refunded = o.Status == OrderStatus.Refunded || (o.Status == OrderStatus.Cancelled && o.PaidBeforeCancelled) ? o.Total : o.Refunds;
            return new PlacedOrder(o.CustomerId, o.PlacedAt, o.Status, o.Total, paid, refunded);
        })];
    }

    /// <summary>One order as read; <see cref="PaidBeforeCancelled"/> tells of a cancelled order whether its total was paid (and went back).</summary>
    private sealed record Row(Guid CustomerId, DateTimeOffset PlacedAt, OrderStatus Status, decimal Total, decimal Refunds, bool PaidBeforeCancelled);
}
