using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Customers;

/// <summary>Reads a <see cref="CustomerOverview"/> for a rep: the customer, what they are worth and their orders.</summary>
public sealed class CustomerProfileQuery(CrmDbContext db)
{
    /// <summary>Orders whose money came in; what was refunded of them is subtracted from the lifetime value.</summary>
    private static readonly OrderStatus[] Paid =
        [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.PartiallyRefunded, OrderStatus.Refunded];

    private static readonly OrderStatus[] Open = [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped];

    public async Task<CustomerOverview> GetAsync(Guid customerId, int lastOrders = 5, CancellationToken ct = default)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct)
            ?? throw new NotFoundException("Customer", customerId.ToString());

        // A customer has tens of orders, not thousands: the sums are made here, where Money knows its currency.
        var paid = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && Paid.Contains(o.Status))
            .Include(o => o.Refunds)
            .ToListAsync(ct);
        var lifetimeValue = paid
            .GroupBy(o => o.Total.Currency)
            .Select(currency => currency.Aggregate(Money.Zero(currency.Key), (sum, o) => sum + o.Total - o.AmountRefunded))
            .OrderBy(value => value.Currency, StringComparer.Ordinal)
            .ToList();

        var last = await Summaries(db.Orders.Where(o => o.CustomerId == customerId && o.Status != OrderStatus.Draft), lastOrders, ct);
        var open = await Summaries(db.Orders.Where(o => o.CustomerId == customerId && Open.Contains(o.Status)), lastOrders, ct);
        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customerId).Select(t => t.Tag).OrderBy(t => t).ToListAsync(ct);
        return new CustomerOverview(customer.Id, customer.Name, customer.Email, customer.Phone, customer.Address, lifetimeValue, last, open) { Tags = tags };
    }

    private static async Task<IReadOnlyList<OrderSummary>> Summaries(IQueryable<Order> orders, int take, CancellationToken ct) =>
        await orders.AsNoTracking()
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number)
            .Take(Math.Clamp(take, 1, 50))
            .Select(o => new OrderSummary(o.Number, o.Status, o.Total, o.CreatedAt, o.Lines.Sum(l => l.Quantity)))
            .ToListAsync(ct);
}
