using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Orders;

/// <summary>Lists orders for the back office (every customer's), newest placed first, a page at a time.</summary>
public sealed class OrderSearch(CrmDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<Page<OrderListItem>> ListAsync(OrderFilter filter, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var request = PageRequest.Of(page, pageSize, MaxPageSize, "orders");

        if (filter is { PlacedFrom: { } from, PlacedTo: { } to } && to <= from)
        {
            throw new DomainException("validation.range", $"The placed range ends ({to:yyyy-MM-dd HH:mm zzz}) before it starts ({from:yyyy-MM-dd HH:mm zzz}).");
        }

        var orders = db.Orders.AsNoTracking();
        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (filter.CustomerId is { } customerId)
        {
            orders = orders.Where(o => o.CustomerId == customerId);
        }

        if (filter.PlacedFrom is { } placedFrom)
        {
            orders = orders.Where(o => o.PlacedAt >= placedFrom);
        }

        if (filter.PlacedTo is { } placedTo)
        {
            orders = orders.Where(o => o.PlacedAt < placedTo);
        }

        var found = await orders
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Skip(request.Skip).Take(request.Take)
            .Select(o => new OrderListItem(o.Number, o.CustomerId, o.Status, o.Total, o.PlacedAt, o.Lines.Sum(l => l.Quantity), o.Version))
            .ToListAsync(ct);
        return request.PageOf(found);
    }
}
