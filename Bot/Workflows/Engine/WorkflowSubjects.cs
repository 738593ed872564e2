using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Engine;

/// <summary>Reads customers and orders as the workflows see them: one at a time for a run, a page at a time for a scan.</summary>
public static class WorkflowSubjects
{
    /// <summary>The customers of <paramref name="customers"/> (filter and order it; page it with Skip/Take), with their tags and scores.</summary>
    public static async Task<List<CustomerFacts>> CustomersAsync(CrmDbContext db, IQueryable<Customer> customers, CancellationToken ct)
    {
        var rows = await customers.Select(c => new
        {
            Facts = new CustomerFacts(
                c.Id,
                c.Name,
                c.Address == null ? null : c.Address.Country,
                c.TimeZone,
                c.PreferredLanguage,
                c.ConsentToProactiveMessages,
                c.AssignedRepId,
                db.SalesReps.Where(r => r.Id == c.AssignedRepId).Select(r => r.DisplayName).FirstOrDefault(),
                db.SalesReps.Where(r => r.Id == c.AssignedRepId).Select(r => r.Email).FirstOrDefault(),
                c.CreatedAt,
                db.Orders.Where(o => o.CustomerId == c.Id && o.PlacedAt != null).Max(o => o.PlacedAt),
                db.Interactions.Where(i => i.CustomerId == c.Id).Max(i => (DateTimeOffset?)i.OccurredAt),
                c.ErasedAt != null),

            // A scalar subquery each, so that SQLite looks the score up by its key; a row of several columns would be
            // joined through a window over every stored score, once per page or per run.
            Likelihood = db.CustomerScores.Where(s => s.CustomerId == c.Id).Select(s => (double?)s.Probability).FirstOrDefault(),
            PreviousLikelihood = db.CustomerScores.Where(s => s.CustomerId == c.Id).Select(s => s.PreviousProbability).FirstOrDefault(),
            ScoredAt = db.CustomerScores.Where(s => s.CustomerId == c.Id).Select(s => (DateTimeOffset?)s.ScoredAt).FirstOrDefault(),
        }).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Facts.Id).ToList();
        var tags = ids.Count == 1
            ? await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == ids[0]).ToListAsync(ct)

            // A page's ids as one parameter (a JSON array in SQLite), not a parameter each: 2,000 parameters cost EF
            // and the provider more than the query itself.
            : await db.CustomerTags.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.CustomerId)).ToListAsync(ct);
        var tagsOf = tags.ToLookup(t => t.CustomerId, t => t.Tag);
        return [.. rows.Select(r => r.Facts with
        {
            Tags = [.. tagsOf[r.Facts.Id].Order(StringComparer.Ordinal)],
            Likelihood = r.Likelihood,
            PreviousLikelihood = r.PreviousLikelihood,
            ScoredAt = r.ScoredAt,
        })];
    }

    /// <summary>The customer and, when <paramref name="orderId"/> is given, the order; null when either is gone.</summary>
    public static async Task<WorkflowSubject?> OfAsync(CrmDbContext db, Guid customerId, Guid? orderId, CancellationToken ct)
    {
        if (orderId is { } id)
        {
            return (await OfOrdersAsync(db, [(customerId, id)], ct)).GetValueOrDefault(id);
        }

        var customer = (await CustomersAsync(db, db.Customers.Where(c => c.Id == customerId), ct)).SingleOrDefault();
        return customer is null ? null : new WorkflowSubject(customer, null);
    }

    /// <summary>
    /// The subjects of many orders at once (a page of a scan), in three queries whatever their number: per order id,
    /// the customer and the order; an order whose customer is gone, or that is gone or not that customer's, is left out.
    /// </summary>
    public static async Task<Dictionary<Guid, WorkflowSubject>> OfOrdersAsync(
        CrmDbContext db, IReadOnlyCollection<(Guid CustomerId, Guid OrderId)> orders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var customerIds = orders.Select(o => o.CustomerId).Distinct().ToList();
        var customers = (await CustomersAsync(db, db.Customers.Where(c => EF.Parameter(customerIds).Contains(c.Id)), ct)).ToDictionary(c => c.Id);
        var orderIds = orders.Select(o => o.OrderId).Distinct().ToList();
        var facts = await db.Orders.AsNoTracking().Where(o => EF.Parameter(orderIds).Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.CustomerId,
                o.Number,
                o.Total,
                o.Status,

                // Scalar subqueries by the shipments' order index, as above; both pick the same (latest) shipment.
                Carrier = o.Shipments.OrderByDescending(s => s.ShippedAt).ThenBy(s => s.Id).Select(s => s.Carrier).FirstOrDefault(),
                TrackingNumber = o.Shipments.OrderByDescending(s => s.ShippedAt).ThenBy(s => s.Id).Select(s => s.TrackingNumber).FirstOrDefault(),
            })
            .ToDictionaryAsync(o => o.Id, ct);
        var subjects = new Dictionary<Guid, WorkflowSubject>();
        foreach (var (customerId, orderId) in orders)
        {
            if (customers.TryGetValue(customerId, out var customer) && facts.TryGetValue(orderId, out var order) && order.CustomerId == customerId)
            {
                subjects[orderId] = new WorkflowSubject(
                    customer, new OrderFacts(order.Id, order.Number, order.Total, order.Status, order.Carrier, order.TrackingNumber));
            }
        }

        return subjects;
    }
}
