using System.Globalization;
using System.Text;
using CrmBot.Conversations;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.SalesReps;
using CrmBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Proactive;

/// <summary>
/// Each rep's morning message, at <see cref="ProactiveOptions.DailyDigestAt"/> in their time zone (or at the first
/// run after it that day): today's reminders, paid orders waiting to be shipped, customers most worth a call, and
/// the proactive messages that could not reach customers since yesterday. Once per rep and day; reps who never
/// talked to the bot get none.
/// </summary>
public sealed class DailyDigest(
    IDbContextFactory<CrmDbContext> contexts,
    CallPlanService callPlans,
    CallPlanMessage callPlanMessage,
    OnceSender sender,
    ConversationReferenceStore references,
    DeliveryLedger ledger,
    QuietHours quietHours,
    TimeZones zones,
    IOptions<ProactiveOptions> options,
    TimeProvider clock,
    IStringLocalizer<DailyDigest> text)
{
    /// <summary>Sends the digests that are due now; returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<(Guid Id, string Name, string TimeZone)> reps;
        HashSet<(Guid, DateTimeOffset)> settled;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            reps = [.. (await db.SalesReps.AsNoTracking()
                .Where(r => db.ConversationReferences.Any(c => c.RepId == r.Id))
                .Select(r => new { r.Id, r.DisplayName, r.TimeZone })
                .ToListAsync(ct)).Select(r => (r.Id, r.DisplayName, r.TimeZone))];
            var recent = now.AddDays(-2);
            settled = [.. (await DeliveryLedger.Settled(db, DeliveryTopic.DailyDigest, now)
                .Where(d => d.Occurrence >= recent)
                .Select(d => new { d.SubjectId, d.Occurrence })
                .ToListAsync(ct)).Select(d => (d.SubjectId, d.Occurrence))];
        }

        var due = reps
            .Select(rep => (rep.Id, rep.Name, rep.TimeZone, Zone: zones.Of(rep.TimeZone)))
            .Select(rep => (rep.Id, rep.Name, rep.TimeZone, rep.Zone, Local: TimeZoneInfo.ConvertTime(now, rep.Zone)))
            .Select(rep => (rep.Id, rep.Name, rep.Zone, rep.Local, Key: new DeliveryKey(
                DeliveryTopic.DailyDigest, rep.Id, new DateTimeOffset(DateOnly.FromDateTime(rep.Local.DateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
                Waiting: TimeOnly.FromDateTime(rep.Local.DateTime) < options.Value.DailyDigestAt || quietHours.IsQuiet(now, rep.TimeZone)))
            .Where(rep => !rep.Waiting && !settled.Contains((rep.Key.SubjectId, rep.Key.Occurrence)))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        // One plan for the whole team: who calls whom is decided together.
        var plan = await callPlans.TodayAsync(ct);
        var sent = 0;
        foreach (var rep in due)
        {
            var endOfDay = new DateTimeOffset(rep.Key.Occurrence.Date.AddDays(1), rep.Zone.GetUtcOffset(rep.Local.DateTime));
            var calls = plan is null ? null : plan.GetValueOrDefault(rep.Id) ?? [];
            var message = MessageFactory.Text(await ComposeAsync(rep.Name, rep.Id, rep.Zone, rep.Local, endOfDay, calls, ct));
            var key = rep.Key;
            if (await sender.SendAsync(key, await references.OfRepAsync(rep.Id, ct), message, ct) == SendResult.Sent)
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<string> ComposeAsync(
        string repName, Guid repId, TimeZoneInfo zone, DateTimeOffset local, DateTimeOffset endOfDay, IReadOnlyList<PlannedCall>? calls, CancellationToken ct)
    {
        var now = local.ToUniversalTime();
        RepAgenda agenda;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            agenda = await new RepAgendaQuery(db).ForAsync(repId, endOfDay, ct);
        }

        var culture = CultureInfo.CurrentCulture;
        string At(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone).ToString("g", culture);
        var digest = new StringBuilder(text["Greeting", repName, local.ToString("D", culture)]);

        digest.Append("\n\n").Append(agenda.Reminders.Count == 0 ? text["NoReminders"] : text["Reminders"]);
        foreach (var reminder in agenda.Reminders)
        {
            digest.Append('\n').Append(reminder.DueAt < now ? text["ReminderOverdue", At(reminder.DueAt), reminder.Text] : text["Reminder", At(reminder.DueAt), reminder.Text]);
        }

        digest.Append("\n\n").Append(agenda.OrdersToShipCount == 0 ? text["NoOrdersToShip"] : text["OrdersToShip", agenda.OrdersToShipCount]);
        foreach (var order in agenda.OrdersToShip)
        {
            digest.Append('\n').Append(text["OrderToShip", order.Number, order.CustomerName, order.Total, At(order.WaitingSince)]);
        }

        digest.Append("\n\n").Append(callPlanMessage.Describe(calls));

        var undelivered = await ledger.UndeliveredSinceAsync(now.AddDays(-1), RepAgendaQuery.MaxItems, ct);
        if (undelivered.Count > 0)
        {
            digest.Append("\n\n").Append(text["Undelivered"]);
            var subjects = await SubjectsAsync(undelivered, ct);
            foreach (var delivery in undelivered)
            {
                digest.Append('\n').Append(text[$"Undelivered.{delivery.Topic}", subjects.GetValueOrDefault(delivery.SubjectId, "?"), At(delivery.ClaimedAt), delivery.LastError ?? text["MaybeSent"].Value]);
            }
        }

        return digest.ToString();
    }

    /// <summary>How each failed message's subject is named for a rep: an order by its number and customer, a rep by name.</summary>
    private async Task<Dictionary<Guid, string>> SubjectsAsync(IReadOnlyList<ProactiveDelivery> deliveries, CancellationToken ct)
    {
        var ids = deliveries.Select(d => d.SubjectId).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var orders = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, Name = o.Number + " (" + c.Name + ")" })
            .ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.SalesReps, r => r.RepId, rep => rep.Id, (r, rep) => new { r.Id, Name = rep.DisplayName + ": " + r.Text })
            .ToListAsync(ct);
        var reps = await db.SalesReps.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, Name = r.DisplayName }).ToListAsync(ct);
        return orders.Concat(reminders).Concat(reps).ToDictionary(s => s.Id, s => s.Name);
    }
}
