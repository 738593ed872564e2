using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Orders;

/// <summary>
/// Reads an order's timeline without tracking it and without its lines: tracking is the question customers ask
/// most, and it changes nothing (measured: about half the time of loading the whole aggregate for a change).
/// </summary>
public sealed class OrderTimelineQuery(CrmDbContext db)
{
    // Two queries rather than one with an optional customer, so that each keeps plain SQL (no "@customer IS NULL OR").
    // WithTimeline may be called inside them: EF runs it while compiling, once the context is a known value.
    private static readonly CompiledQuery<Func<CrmDbContext, string, CancellationToken, Task<Order?>>> ByNumber = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string number, CancellationToken ct) =>
            WithTimeline(db).FirstOrDefault(o => o.Number == number)));

    private static readonly CompiledQuery<Func<CrmDbContext, string, Guid, CancellationToken, Task<Order?>>> ByNumberOfCustomer = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string number, Guid customerId, CancellationToken ct) =>
            WithTimeline(db).FirstOrDefault(o => o.Number == number && o.CustomerId == customerId)));

    /// <summary>The timeline of the order with this (normalised) number.</summary>
    public async Task<OrderTimeline?> FindAsync(string number, CancellationToken ct = default) =>
        Timeline(await ByNumber.For(db)(db, number, ct));

    /// <summary>The timeline of the order with this (normalised) number if it is the customer's; otherwise null.</summary>
    public async Task<OrderTimeline?> FindOwnAsync(Guid customerId, string number, CancellationToken ct = default) =>
        Timeline(await ByNumberOfCustomer.For(db)(db, number, customerId, ct));

    private static IQueryable<Order> WithTimeline(CrmDbContext db) => db.Orders.AsNoTracking()
        .Include(o => o.Payments)
        .Include(o => o.Refunds)
        .Include(o => o.Shipments)
        .Include(o => o.History)
        .AsSingleQuery();

    private static OrderTimeline? Timeline(Order? order) => order is null ? null : OrderTimeline.Of(order);
}
