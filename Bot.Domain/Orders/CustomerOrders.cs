using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Orders;

/// <summary>
/// What a customer may see and do with orders: every query is filtered by the customer the channel
/// authenticated, or (for an anonymous visitor) needs the order number together with the email or
/// phone on it. A wrong number and a wrong contact give the same answer, so nobody can probe order
/// numbers to learn that they exist.
/// </summary>
public sealed class CustomerOrders(CrmDbContext db, OrderService orders, OrderTimelineQuery timelines, IOptions<CrmOptions> options)
{
    private static readonly CompiledQuery<Func<CrmDbContext, string, CancellationToken, Task<Contact?>>> ContactOfOwner = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string number, CancellationToken ct) => db.Orders
            .Where(o => o.Number == number)
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new Contact(c.Email, c.Phone))
            .FirstOrDefault()));

    public async Task<OrderTimeline?> TrackAsync(string number, string emailOrPhone, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null || string.IsNullOrWhiteSpace(emailOrPhone))
        {
            return null;
        }

        var owner = await ContactOfOwner.For(db)(db, normalized, ct);
        if (owner is null || !Matches(emailOrPhone.Trim(), owner.Email, owner.Phone))
        {
            return null;
        }

        return await timelines.FindAsync(normalized, ct);
    }

    public async Task<OrderTimeline?> TrackOwnAsync(Guid customerId, string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        return normalized is null ? null : await timelines.FindOwnAsync(customerId, normalized, ct);
    }

    /// <summary>The customer's latest orders, newest first.</summary>
    public async Task<IReadOnlyList<OrderSummary>> ListOwnAsync(Guid customerId, int take = 10, CancellationToken ct = default) =>
        await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.CreatedAt)
            .Take(Math.Clamp(take, 1, 50))
            .Select(o => new OrderSummary(o.Number, o.Status, o.Total, o.CreatedAt, o.Lines.Sum(l => l.Quantity)))
            .ToListAsync(ct);

    /// <summary>Cancels one of the customer's own orders; someone else's order is "not found", never "not yours".</summary>
    public async Task<Order> CancelOwnAsync(Guid customerId, string number, string reason, Actor actor, CancellationToken ct = default)
    {
        var order = await FindOwnAsync(customerId, number, ct) ?? throw new NotFoundException("Order", number);
        return await orders.CancelAsync(order.Number, reason, actor, order.Version, ct);
    }

    private async Task<Order?> FindOwnAsync(Guid customerId, string number, CancellationToken ct)
    {
        var order = await orders.FindAsync(number, ct);
        return order?.CustomerId == customerId ? order : null;
    }

    private bool Matches(string contact, string? email, string? phone)
    {
        if (contact.Contains('@', StringComparison.Ordinal))
        {
            return email is not null && string.Equals(contact, email, StringComparison.OrdinalIgnoreCase);
        }

        return phone is not null
            && PhoneNumberNormalizer.TryToE164(contact, options.Value.DefaultRegion, out var e164)
            && e164 == phone;
    }

    private sealed record Contact(string? Email, string? Phone);
}
