using System.Globalization;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Language;
using Cronos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Finds the occurrences of the time-based triggers, which no event announces: an order left in a state for N days,
/// no contact for N days, a schedule, a purchase likelihood crossing a threshold in the latest scoring run. Customers
/// are read a page at a time and every customer rule is tested on each page, so memory stays bounded however many
/// customers there are; only the customers whose trigger fired and whose conditions hold get a run.
/// </summary>
public sealed class WorkflowTriggerScan(
    IDbContextFactory<CrmDbContext> contexts,
    WorkflowCatalog catalog,
    WorkflowSwitchboard switchboard,
    MassSendGuard guard,
    TimeZones zones,
    IOptions<WorkflowsOptions> options,
    TimeProvider clock)
{
    public const int PageSize = 2000;

    /// <summary>How far back a schedule's occurrence still fires (a stopped service catches up on today's, not last week's).</summary>
    public static readonly TimeSpan ScheduleCatchUp = TimeSpan.FromDays(1);

    /// <summary>Scans every time-based rule once; returns how many runs it started.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var paused = await switchboard.PausedAsync(ct);
        var rules = catalog.Current.Active
            .Where(r => !paused.Contains(r.Name) && r.Definition.Trigger is { } t && !WorkflowEventIntake.IsEventTrigger(t.Type))
            .ToList();
        var pass = new WorkflowPass(clock.GetUtcNow());
        foreach (var rule in rules.Where(r => r.Definition.Trigger!.Type == WorkflowTriggerType.OrderInState))
        {
            await ScanOrdersAsync(rule, pass, ct);
        }

        var customerRules = rules.Where(r => r.Definition.Trigger!.Type != WorkflowTriggerType.OrderInState).Select(r => new CustomerRule(r)).ToList();
        if (customerRules.Count > 0)
        {
            await ScanCustomersAsync(customerRules, pass, ct);
        }

        await guard.ApplyAsync(pass, rules, ct);
        return pass.AddedByWorkflow.Values.Sum();
    }

    /// <summary>Orders that entered the rule's status N days ago (within the lookback) and are still in it.</summary>
    private async Task ScanOrdersAsync(WorkflowRule rule, WorkflowPass pass, CancellationToken ct)
    {
        var trigger = rule.Definition.Trigger!;
        var (status, days) = (trigger.Status!.Value, TimeSpan.FromDays(trigger.Days!.Value));
        var (enteredBefore, enteredAfter) = (pass.Now - days, pass.Now - days - options.Value.Lookback);
        for (var page = 0; ; page++)
        {
            List<(Guid OrderId, Guid CustomerId, Guid EntryId, DateTimeOffset EnteredAt)> due;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var history = db.Set<OrderStatusChange>().AsNoTracking();
                var rows = await history
                    .Join(db.Orders, h => EF.Property<Guid>(h, "OrderId"), o => o.Id, (h, o) => new { Entry = h, Order = o })
                    .Where(x => x.Order.Status == status && x.Entry.To == status && x.Entry.At <= enteredBefore && x.Entry.At > enteredAfter
                        && !history.Any(later => EF.Property<Guid>(later, "OrderId") == x.Order.Id && later.Step > x.Entry.Step))
                    .Select(x => new { OrderId = x.Order.Id, x.Order.CustomerId, EntryId = x.Entry.Id, x.Entry.At })
                    .OrderBy(x => x.At).ThenBy(x => x.EntryId)
                    .Skip(page * PageSize)
                    .Take(PageSize)
                    .ToListAsync(ct);
                due = [.. rows.Select(r => (r.OrderId, r.CustomerId, r.EntryId, r.At))];
            }

            if (due.Count == 0)
            {
                return;
            }

            // The page's subjects in a few queries, not a few per order.
            Dictionary<Guid, WorkflowSubject> subjects;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                subjects = await WorkflowSubjects.OfOrdersAsync(db, [.. due.Select(o => (o.CustomerId, o.OrderId))], ct);
            }

            var runs = new List<WorkflowRun>();
            foreach (var order in due)
            {
                if (subjects.TryGetValue(order.OrderId, out var subject) && subject is { Customer.Erased: false }
                    && ConditionEvaluator.AllHold(rule.Definition.Conditions, subject, pass.Now))
                {
                    runs.Add(NewRun(rule, $"order-in-state:{order.EntryId}", order.CustomerId, order.OrderId, order.EnteredAt + days, pass));
                }
            }

            await WorkflowRunWriter.AddAsync(contexts, runs, pass, ct);
            if (due.Count < PageSize)
            {
                return;
            }
        }
    }

    private async Task ScanCustomersAsync(List<CustomerRule> rules, WorkflowPass pass, CancellationToken ct)
    {
        // Each page starts after the last id of the one before (an OFFSET would walk past every earlier page again).
        Guid? after = null;
        while (true)
        {
            List<CustomerFacts> customers;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                var page = db.Customers.Where(c => c.ErasedAt == null);
                if (after is { } last)
                {
                    page = page.Where(c => c.Id > last);
                }

                customers = await WorkflowSubjects.CustomersAsync(db, page.OrderBy(c => c.Id).Take(PageSize), ct);
            }

            var runs = new List<WorkflowRun>();
            foreach (var customer in customers)
            {
                var subject = new WorkflowSubject(customer, null);
                foreach (var rule in rules)
                {
                    if (Fired(rule, customer, pass.Now) is { } fired && ConditionEvaluator.AllHold(rule.Rule.Definition.Conditions, subject, pass.Now))
                    {
                        runs.Add(NewRun(rule.Rule, fired.Occurrence, customer.Id, null, fired.At, pass));
                    }
                }
            }

            await WorkflowRunWriter.AddAsync(contexts, runs, pass, ct);
            if (customers.Count < PageSize)
            {
                return;
            }

            // The last in the database's order, which is not Guid's own.
            after = customers[^1].Id;
        }
    }

    /// <summary>The occurrence of the rule's trigger for the customer that has come, or null.</summary>
    private (string Occurrence, DateTimeOffset At)? Fired(CustomerRule rule, CustomerFacts customer, DateTimeOffset now)
    {
        var trigger = rule.Rule.Definition.Trigger!;
        switch (trigger.Type)
        {
            case WorkflowTriggerType.NoContact:
                var silentSince = customer.LastContactOrCreated;
                var at = silentSince + TimeSpan.FromDays(trigger.Days!.Value);

                // Silent for far longer than the rule's days (the rule is new, or was off): it notices it now, so a
                // message is not dropped as stale news and the mass-send guard sees how many it would send.
                return at <= now ? ($"no-contact:{customer.Id}:{Stamp(silentSince)}", at < now - options.Value.Lookback ? now : at) : null;
            case WorkflowTriggerType.LikelihoodAbove or WorkflowTriggerType.LikelihoodBelow:
                if (customer is not { Likelihood: { } p, ScoredAt: { } scoredAt } || now - scoredAt > options.Value.Lookback)
                {
                    return null;
                }

                var t = trigger.Threshold!.Value;
                var crossed = trigger.Type == WorkflowTriggerType.LikelihoodAbove
                    ? p >= t && !(customer.PreviousLikelihood >= t)
                    : p < t && customer.PreviousLikelihood >= t;
                return crossed ? ($"likelihood:{customer.Id}:{Stamp(scoredAt)}", scoredAt) : null;
            case WorkflowTriggerType.Schedule:
                var zone = trigger.TimeZone switch
                {
                    null or WorkflowTrigger.RecipientTimeZone => zones.Of(customer.TimeZone),
                    WorkflowTrigger.TeamTimeZone => zones.Shop,
                    var id => zones.Of(id),
                };
                return rule.LatestOccurrence(zone, now) is { } occurrence ? ($"schedule:{customer.Id}:{Stamp(occurrence)}", occurrence) : null;
            default:
                return null;
        }
    }

    private static WorkflowRun NewRun(WorkflowRule rule, string occurrence, Guid customerId, Guid? orderId, DateTimeOffset triggeredAt, WorkflowPass pass) =>
        new(rule.Name, WorkflowJson.Name(rule.Definition.Trigger!.Type), occurrence, customerId, orderId, triggeredAt,
            triggeredAt + (rule.Definition.Delay?.ToTimeSpan() ?? TimeSpan.Zero), held: false, pass.Now);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture);

    /// <summary>A customer rule with its parsed cron and the latest occurrence per time zone, worked out once per scan.</summary>
    private sealed class CustomerRule(WorkflowRule rule)
    {
        private readonly CronExpression? _cron = rule.Definition.Trigger?.Cron is { } cron ? CronExpression.Parse(cron) : null;
        private readonly Dictionary<string, DateTimeOffset?> _latest = new(StringComparer.Ordinal);

        public WorkflowRule Rule { get; } = rule;

        public DateTimeOffset? LatestOccurrence(TimeZoneInfo zone, DateTimeOffset now)
        {
            if (_cron is null)
            {
                return null;
            }

            if (!_latest.TryGetValue(zone.Id, out var latest))
            {
                latest = _cron.GetOccurrences(now - ScheduleCatchUp, now, zone, fromInclusive: false, toInclusive: true)
                    .Select(o => (DateTimeOffset?)o).LastOrDefault();
                _latest[zone.Id] = latest;
            }

            return latest;
        }
    }
}
