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
        List<RepDay> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var reps = await db.SalesReps.AsNoTracking()
                .Where(r => db.ConversationReferences.Any(c => c.RepId == r.Id))
                .Select(r => new { r.Id, r.DisplayName, r.TimeZone })
                .ToListAsync(ct);
            var recent = now.AddDays(-2);
            var settled = (await DeliveryLedger.Settled(db, DeliveryTopic.DailyDigest, now)
                .Where(d => d.Occurrence >= recent)
                .ToListAsync(ct)).Select(d => d.Key).ToHashSet();
            due = [.. reps
                .Where(r => !quietHours.IsQuiet(now, r.TimeZone))
                .Select(r => RepDay.Of(r.Id, r.DisplayName, zones.Of(r.TimeZone), now))
                .Where(day => TimeOnly.FromDateTime(day.Local.DateTime) >= options.Value.DailyDigestAt && !settled.Contains(day.Key))];
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // One plan for the whole team: who calls whom is decided together.
        var plan = await callPlans.TodayAsync(ct);
        var sent = 0;
        foreach (var rep in due)
        {
            var calls = plan is null ? null : plan.GetValueOrDefault(rep.Id) ?? [];
            var message = MessageFactory.Text(await ComposeAsync(rep, calls, ct));
            if (await sender.SendAsync(rep.Key, await references.OfRepAsync(rep.Id, ct), message, ct) == SendResult.Sent)
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<string> ComposeAsync(RepDay rep, IReadOnlyList<PlannedCall>? calls, CancellationToken ct)
    {
        var (repName, repId, zone, local) = (rep.Name, rep.Id, rep.Zone, rep.Local);
        var endOfDay = new DateTimeOffset(rep.Key.Occurrence.Date.AddDays(1), zone.GetUtcOffset(local.DateTime));
        var now = local.ToUniversalTime();
        RepAgenda agenda;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            agenda = await new RepAgendaQuery(db).ForAsync(repId, endOfDay, ct);
        }

        var culture = CultureInfo.CurrentCulture;
        string At(DateTimeOffset time) => DateText.At(time, zone);
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
        var runs = await db.WorkflowRuns.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r.Id, Name = r.Workflow + " (" + c.Name + ")" })
            .ToListAsync(ct);
        return orders.Concat(reminders).Concat(reps).Concat(runs).ToDictionary(s => s.Id, s => s.Name);
    }

    /// <summary>A rep's day in their zone: now there, and the key of that day's digest (the local date, at midnight UTC).</summary>
    private sealed record RepDay(Guid Id, string Name, TimeZoneInfo Zone, DateTimeOffset Local, DeliveryKey Key)
    {
        public static RepDay Of(Guid id, string name, TimeZoneInfo zone, DateTimeOffset now)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var day = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new RepDay(id, name, zone, local, new DeliveryKey(DeliveryTopic.DailyDigest, id, day));
        }
    }
}
