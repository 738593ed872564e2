using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.SalesReps;

/// <summary>
/// Reads a rep's day: their open reminders due by its end (overdue ones too), and paid orders of their customers (and
/// of customers nobody is assigned to) waiting to be shipped.
/// </summary>
public sealed class RepAgendaQuery(CrmDbContext db)
{
    public const int MaxItems = 5;

    public async Task<RepAgenda> ForAsync(Guid repId, DateTimeOffset endOfDay, CancellationToken ct = default)
    {
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.RepId == repId && r.Status == ReminderStatus.Open && r.DueAt < endOfDay)
            .OrderBy(r => r.DueAt)
            .Take(MaxItems)
            .Select(r => new RepAgenda.DueReminder(r.Text, r.DueAt))
            .ToListAsync(ct);

        var toShip = db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid)
            .Join(db.Customers.Where(c => c.AssignedRepId == repId || c.AssignedRepId == null), o => o.CustomerId, c => c.Id, (o, c) => new { Order = o, c.Name });
        var toShipCount = await toShip.CountAsync(ct);
        var orders = await toShip
            .OrderBy(x => x.Order.UpdatedAt)
            .Take(MaxItems)
            .Select(x => new RepAgenda.OrderToShip(x.Order.Number, x.Name, x.Order.Total, x.Order.UpdatedAt))
            .ToListAsync(ct);

        return new RepAgenda(reminders, orders, toShipCount);
    }
}
