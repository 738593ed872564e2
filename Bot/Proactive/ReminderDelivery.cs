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
public sealed partial class ReminderDelivery(
    IDbContextFactory<CrmDbContext> contexts,
    DeliveryLedger ledger,
    ConversationReferenceStore references,
    ProactiveMessenger messenger,
    ReminderCard card,
    QuietHours quietHours,
    TimeProvider clock,
    IStringLocalizer<ReminderDelivery> text,
    ILogger<ReminderDelivery> logger)
{
    /// <summary>Reminders one run looks at, the longest overdue first; the next run takes the rest.</summary>
    public const int BatchSize = 500;

    /// <summary>Sends the due reminders; returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await DueAsync(now, ct);
        var sent = 0;
        foreach (var reminder in due.Where(r => !quietHours.IsQuiet(now, r.TimeZone)))
        {
            var key = $"reminder:{reminder.Id:N}:{reminder.DueAt.UtcTicks}";
            if (!await ledger.TryClaimAsync(key, ct))
            {
                continue;
            }

            var chats = await references.OfRepAsync(reminder.RepId, ct);
            if (chats.Count == 0)
            {
                await ledger.MarkFailedAsync(key, "The rep has not talked to the bot yet, so there is no chat to send to.", ct);
                continue;
            }

            try
            {
                var message = card.Message(reminder.Id, text["Due", reminder.Text]);
                await messenger.ContinueAsync(chats[0], (turn, token) => turn.SendActivityAsync(message, token), ct);
                await ledger.MarkSentAsync(key, ct);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, reminder.Id, reminder.RepId);
                await ledger.MarkFailedAsync(key, exception.Message, ct);
            }
        }

        return sent;
    }

    private async Task<List<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Reminders.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Open && r.DueAt <= now)
            .OrderBy(r => r.DueAt)
            .Take(BatchSize)
            .Join(db.SalesReps, r => r.RepId, rep => rep.Id, (r, rep) => new DueReminder(r.Id, r.RepId, r.Text, r.DueAt, rep.TimeZone))
            .ToListAsync(ct);
    }

    private sealed record DueReminder(Guid Id, Guid RepId, string Text, DateTimeOffset DueAt, string TimeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver reminder {ReminderId} to rep {RepId}; it is retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid reminderId, Guid repId);
}
