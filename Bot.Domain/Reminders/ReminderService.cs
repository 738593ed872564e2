using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Reminders;

/// <summary>A rep's own reminders: set, list the open ones (soonest first), complete and snooze them.</summary>
public sealed class ReminderService(CrmDbContext db, TimeProvider clock)
{
    public async Task<Reminder> SetAsync(Guid repId, string text, DateTimeOffset dueAt, Guid? customerId = null, CancellationToken ct = default)
    {
        var reminder = new Reminder(repId, text, dueAt, clock.GetUtcNow(), customerId);
        db.Reminders.Add(reminder);
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    /// <summary>Sets a reminder about a customer for a rep; both must exist.</summary>
    public async Task<Reminder> SetForCustomerAsync(Guid customerId, Guid repId, string text, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        await CustomerRecords.EnsureExistAsync(db, customerId, repId, ct);
        return await SetAsync(repId, text, dueAt, customerId, ct);
    }

    /// <summary>Every reminder about a customer, open or not, soonest due first.</summary>
    public async Task<Page<Reminder>> ListForCustomerAsync(Guid customerId, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var request = CustomerRecords.Page(page, pageSize);
        await CustomerRecords.EnsureExistAsync(db, customerId, repId: null, ct);
        var found = await db.Reminders.AsNoTracking()
            .Where(r => r.CustomerId == customerId)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Skip(request.Skip).Take(request.Take)
            .ToListAsync(ct);
        return request.PageOf(found);
    }

    public async Task<IReadOnlyList<Reminder>> ListOpenAsync(Guid repId, int take = 10, CancellationToken ct = default) =>
        await db.Reminders.AsNoTracking()
            .Where(r => r.RepId == repId && r.Status == ReminderStatus.Open)
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Take(Math.Clamp(take, 1, 50))
            .ToListAsync(ct);

    /// <summary>Completes one of the rep's reminders; another rep's reminder is "not found".</summary>
    public async Task<Reminder> CompleteAsync(Guid repId, Guid reminderId, CancellationToken ct = default)
    {
        var reminder = await FindOwnAsync(repId, reminderId, ct);
        reminder.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    /// <summary>Cancels one of the rep's reminders: it is not delivered and drops off their list.</summary>
    public async Task<Reminder> CancelAsync(Guid repId, Guid reminderId, CancellationToken ct = default)
    {
        var reminder = await FindOwnAsync(repId, reminderId, ct);
        reminder.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    /// <summary>Moves one of the rep's open reminders to a later time, when it is delivered again.</summary>
    public async Task<Reminder> SnoozeAsync(Guid repId, Guid reminderId, TimeSpan delay, CancellationToken ct = default)
    {
        var reminder = await FindOwnAsync(repId, reminderId, ct);
        var now = clock.GetUtcNow();
        reminder.Snooze(now + delay, now);
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    private async Task<Reminder> FindOwnAsync(Guid repId, Guid reminderId, CancellationToken ct) =>
        await db.Reminders.FirstOrDefaultAsync(r => r.Id == reminderId && r.RepId == repId, ct)
        ?? throw new NotFoundException("Reminder", reminderId.ToString());

    /// <summary>The rep's IANA time zone, or null when CrmBot has no record of the rep.</summary>
    public Task<string?> TimeZoneOfAsync(Guid repId, CancellationToken ct = default) =>
        db.SalesReps.AsNoTracking().Where(r => r.Id == repId).Select(r => (string?)r.TimeZone).FirstOrDefaultAsync(ct);
}
