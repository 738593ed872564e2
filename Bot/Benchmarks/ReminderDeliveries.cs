using System.Text.Json.Nodes;
using CrmBot.Conversations;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// How the reminders' delivery stands, read from the bot's database while the bot writes it (SQLite in WAL mode lets a
/// reader in beside the writer): the ledger's deliveries, and the messages that actually reached the reps' web chats.
/// </summary>
internal sealed class ReminderDeliveries(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task<DeliveryCounts> CountAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await Reminders(db).GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new DeliveryCounts(counts.ToDictionary(c => c.Status, c => c.Count));
    }

    public async Task<IReadOnlyList<ProactiveDelivery>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Reminders(db).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>How many bot messages with each reminder's card (by the reminder id its buttons carry) the reps' chats hold.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> MessagesPerReminderAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var activities = db.DirectLineActivities.AsNoTracking()
            .Where(a => db.DirectLineConversations.Any(c => c.Id == a.ConversationId && c.RepId != null))
            .Select(a => a.Json)
            .AsAsyncEnumerable();
        var messages = new Dictionary<Guid, int>();
        await foreach (var json in activities.WithCancellation(ct))
        {
            if (ReminderOf(json) is { } reminder)
            {
                messages[reminder] = messages.GetValueOrDefault(reminder) + 1;
            }
        }

        return messages;
    }

    private static IQueryable<ProactiveDelivery> Reminders(CrmDbContext db) => db.ProactiveDeliveries.Where(d => d.Topic == DeliveryTopic.Reminder);

    private static Guid? ReminderOf(string json)
    {
        var activity = JsonNode.Parse(json);
        if ((string?)activity?["from"]?["role"] != "bot" || activity["attachments"] is not JsonArray { Count: > 0 } attachments)
        {
            return null;
        }

        var reminder = attachments[0]?["content"]?["buttons"]?[0]?["value"]?[ReminderButtons.ReminderProperty];
        return Guid.TryParse((string?)reminder, out var id) ? id : null;
    }
}
