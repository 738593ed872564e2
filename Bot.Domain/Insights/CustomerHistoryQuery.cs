using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Insights;

/// <summary>Reads customers' histories for the purchase model: every order placed, when it ended, and every contact.</summary>
public sealed class CustomerHistoryQuery(CrmDbContext db)
{
    /// <summary>Every customer's history (a few narrow queries, put together in memory).</summary>
    public Task<IReadOnlyList<CustomerHistory>> AllAsync(CancellationToken ct = default) =>
        ReadAsync(db.Customers, db.Orders, db.Interactions, ct);

    public async Task<CustomerHistory?> OfAsync(Guid customerId, CancellationToken ct = default) =>
        (await ReadAsync(
            db.Customers.Where(c => c.Id == customerId),
            db.Orders.Where(o => o.CustomerId == customerId),
            db.Interactions.Where(i => i.CustomerId == customerId),
            ct)).SingleOrDefault();

    /// <summary>
    /// Where the page of <paramref name="size"/> customers after <paramref name="after"/> (in the database's order of
    /// ids, erased customers counted) ends: the id of the last of them, or null when none is left. Pages walk through
    /// every customer from <see cref="Guid.Empty"/>, which no id is, each starting after the last one's end.
    /// </summary>
    public async Task<Guid?> PageEndAsync(Guid after, int size, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var next = db.Customers.Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => (Guid?)c.Id);
        return await next.Skip(size - 1).FirstOrDefaultAsync(ct) ?? await next.LastOrDefaultAsync(ct);
    }

    /// <summary>
    /// The histories of a page's customers who are not erased: those after <paramref name="after"/> up to and including
    /// <paramref name="last"/> (see <see cref="PageEndAsync"/>), so that one page at a time is in memory however many
    /// customers there are.
    /// </summary>
    public Task<IReadOnlyList<CustomerHistory>> PageAsync(Guid after, Guid last, CancellationToken ct = default) =>
        ReadAsync(
            db.Customers.Where(c => c.Id > after && c.Id <= last && c.ErasedAt == null),
            db.Orders.Where(o => o.CustomerId > after && o.CustomerId <= last),
            db.Interactions.Where(i => i.CustomerId > after && i.CustomerId <= last),
            ct);

    /// <summary>The histories of <paramref name="customers"/> from their orders and interactions, which may hold others' too.</summary>
    private static async Task<IReadOnlyList<CustomerHistory>> ReadAsync(
        IQueryable<Customer> customers, IQueryable<Order> orders, IQueryable<Interaction> interactions, CancellationToken ct)
    {
        var people = await customers.AsNoTracking().Select(c => new { c.Id, c.ExternalId, c.CreatedAt }).ToListAsync(ct);
        var placedOrders = orders.AsNoTracking().Where(o => o.PlacedAt != null);
        var placed = await placedOrders.Select(o => new { o.Id, o.CustomerId, PlacedAt = o.PlacedAt!.Value, o.Total.Amount }).ToListAsync(ct);
        var endings = (await placedOrders
                .SelectMany(o => o.History, (o, h) => new { o.Id, h.To, h.At })
                .Where(h => h.To == OrderStatus.Delivered || h.To == OrderStatus.Cancelled || h.To == OrderStatus.Refunded || h.To == OrderStatus.PartiallyRefunded)
                .ToListAsync(ct))
            .ToLookup(h => h.Id);
        var contacts = (await interactions.AsNoTracking()
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
