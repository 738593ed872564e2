using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.SalesReps;

/// <summary>
/// Reads a rep's day: their open reminders due by its end (overdue ones too), paid orders of their customers (and of
/// customers nobody is assigned to) waiting to be shipped, and which of their customers are most worth a call.
/// </summary>
public sealed class RepAgendaQuery(CrmDbContext db)
{
    public const int MaxItems = 5;

    /// <summary>Orders placed in this window count as recent when ranking customers to call.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(180);

    /// <summary>A customer someone spoke to this recently is not suggested again.</summary>
    public static readonly TimeSpan ContactedRecently = TimeSpan.FromDays(7);

    public async Task<RepAgenda> ForAsync(Guid repId, DateTimeOffset now, DateTimeOffset endOfDay, CancellationToken ct = default)
    {
        var rep = await db.SalesReps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == repId, ct)
            ?? throw new NotFoundException("Sales rep", repId.ToString());

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

        var recentSince = now - RecentWindow;
        var contactedSince = now - ContactedRecently;
        var calls = await db.Customers.AsNoTracking()
            .Where(c => c.AssignedRepId == repId)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Phone,
                RecentOrders = db.Orders.Count(o => o.CustomerId == c.Id && o.PlacedAt >= recentSince),
                LastContact = db.Interactions.Where(i => i.CustomerId == c.Id).Max(i => (DateTimeOffset?)i.OccurredAt),
            })
            .Where(c => c.RecentOrders > 0 && (c.LastContact == null || c.LastContact < contactedSince))
            .OrderByDescending(c => c.RecentOrders).ThenBy(c => c.LastContact)
            .Take(Math.Min(MaxItems, Math.Max(rep.DailyCallCapacity, 1)))
            .Select(c => new RepAgenda.CustomerToCall(c.Id, c.Name, c.Phone, c.RecentOrders, c.LastContact))
            .ToListAsync(ct);

        return new RepAgenda(reminders, orders, toShipCount, calls);
    }
}
