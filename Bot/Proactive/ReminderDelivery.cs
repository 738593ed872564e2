using CrmBot.Conversations;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrmBot.Proactive;

/// <summary>
/// Delivers reps' reminders that are due into the rep's latest one-to-one chat with the bot, with Done and Snooze
/// buttons, once each (a snoozed reminder is due again at its new time), holding them back during the rep's quiet hours.
/// </summary>
public sealed class ReminderDelivery(
    IDbContextFactory<CrmDbContext> contexts,
    OnceSender sender,
    ConversationReferenceStore references,
    ReminderCard card,
    QuietHours quietHours,
    TimeProvider clock,
    IStringLocalizer<ReminderDelivery> text)
{
    /// <summary>Sends every due reminder; returns how many went out.</summary>
    public Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var chatsOfRep = new Dictionary<Guid, IReadOnlyList<ConversationReferenceRecord>>();
        return DueBatches.SendAllAsync(clock, DueAsync, SendAsync, ct);

        async Task<SendResult> SendAsync(DueReminder reminder, CancellationToken token)
        {
            if (quietHours.IsQuiet(clock.GetUtcNow(), reminder.TimeZone))
            {
                return SendResult.Waiting;
            }

            if (!chatsOfRep.TryGetValue(reminder.RepId, out var chats))
            {
                chatsOfRep[reminder.RepId] = chats = await references.OfRepAsync(reminder.RepId, token);
            }

            var key = new DeliveryKey(DeliveryTopic.Reminder, reminder.Id, reminder.DueAt);
            return await sender.SendAsync(key, chats, card.Message(reminder.Id, text["Due", reminder.Text]), token);
        }
    }

    /// <summary>Due reminders whose message is neither settled nor waiting for a retry (those drop out as they are handled).</summary>
    private async Task<List<DueReminder>> DueAsync(DateTimeOffset now, int skip, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settled = DeliveryLedger.Settled(db, DeliveryTopic.Reminder, now);
        return await db.Reminders.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Open && r.DueAt <= now && !settled.Any(d => d.SubjectId == r.Id && d.Occurrence == r.DueAt))
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Skip(skip)
            .Take(DueBatches.Size)
            .Join(db.SalesReps, r => r.RepId, rep => rep.Id, (r, rep) => new DueReminder(r.Id, r.RepId, r.Text, r.DueAt, rep.TimeZone))
            .ToListAsync(ct);
    }

    private sealed record DueReminder(Guid Id, Guid RepId, string Text, DateTimeOffset DueAt, string TimeZone);
}
