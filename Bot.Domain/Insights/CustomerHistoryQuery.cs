using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Insights;

/// <summary>Reads customers' histories for the purchase model: every order placed, when it ended, and every contact.</summary>
public sealed class CustomerHistoryQuery(CrmDbContext db)
{
    /// <summary>Every customer's history (a few narrow queries, put together in memory).</summary>
    public Task<IReadOnlyList<CustomerHistory>> AllAsync(CancellationToken ct = default) => ReadAsync(null, ct);

    public async Task<CustomerHistory?> OfAsync(Guid customerId, CancellationToken ct = default) =>
        (await ReadAsync(customerId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<CustomerHistory>> ReadAsync(Guid? customerId, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking().Where(c => customerId == null || c.Id == customerId);
        var orders = db.Orders.AsNoTracking().Where(o => o.PlacedAt != null && (customerId == null || o.CustomerId == customerId));

        var people = await customers.Select(c => new { c.Id, c.ExternalId, c.CreatedAt }).ToListAsync(ct);
        var placed = await orders.Select(o => new { o.Id, o.CustomerId, PlacedAt = o.PlacedAt!.Value, o.Total.Amount }).ToListAsync(ct);
        var endings = (await orders
                .SelectMany(o => o.History, (o, h) => new { o.Id, h.To, h.At })
                .Where(h => h.To == OrderStatus.Delivered || h.To == OrderStatus.Cancelled || h.To == OrderStatus.Refunded || h.To == OrderStatus.PartiallyRefunded)
                .ToListAsync(ct))
            .ToLookup(h => h.Id);
        var contacts = (await db.Interactions.AsNoTracking()
                .Where(i => customerId == null || i.CustomerId == customerId)
                .Select(i => new { i.CustomerId, i.OccurredAt })
                .ToListAsync(ct))
            .ToLookup(i => i.CustomerId, i => i.OccurredAt);

        DateTimeOffset? First(Guid order, params OrderStatus[] statuses) =>
            endings[order].Where(e => statuses.Contains(e.To)).Select(e => (DateTimeOffset?)e.At).Min();

        var ordersOf = placed
            .Select(o => (o.CustomerId, Order: new PastOrder(
                o.PlacedAt,
                o.Amount,
                CancelledAt: First(o.Id, OrderStatus.Cancelled),
                RefundedAt: First(o.Id, OrderStatus.Refunded, OrderStatus.PartiallyRefunded),
                ClosedAt: First(o.Id, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded))))
            .ToLookup(o => o.CustomerId, o => o.Order);

        return [.. people.Select(c => new CustomerHistory(c.Id, c.ExternalId, c.CreatedAt, [.. ordersOf[c.Id]], [.. contacts[c.Id]]))];
    }
}
