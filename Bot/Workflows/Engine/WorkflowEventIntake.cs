using CrmBot.Domain.Customers;
using CrmBot.Domain.Events;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Turns the domain events of the outbox into runs of the rules they trigger (order placed, paid, shipped...,
/// customer created, interaction logged), due after each rule's delay; then marks the events processed (and deletes
/// those processed a week ago). Events that arrive while a rule is paused start no run of it.
/// </summary>
public sealed class WorkflowEventIntake(
    IDbContextFactory<CrmDbContext> contexts, WorkflowCatalog catalog, WorkflowSwitchboard switchboard, MassSendGuard guard, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>How long processed events are kept (for someone looking into what happened) before they are deleted.</summary>
    public static readonly TimeSpan ProcessedRetention = TimeSpan.FromDays(7);

    /// <summary>Takes in every unprocessed event; returns how many runs it started.</summary>
    public async Task<int> IntakeAsync(CancellationToken ct)
    {
        var paused = await switchboard.PausedAsync(ct);
        var rules = catalog.Current.Active.Where(r => !paused.Contains(r.Name) && r.Definition.Trigger is { } t && IsEventTrigger(t.Type)).ToList();
        var pass = new WorkflowPass(clock.GetUtcNow());
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var outbox = new DomainEventOutbox(db, clock);
            var events = await outbox.ReadUnprocessedAsync(BatchSize, ct);
            if (events.Count == 0)
            {
                break;
            }

            var runs = events.SelectMany(e => RunsOf(e, rules, pass.Now)).ToList();
            await WorkflowRunWriter.AddAsync(contexts, runs, pass, ct);
            await outbox.MarkProcessedAsync([.. events.Select(e => e.Id)], ct);
        }

        await guard.ApplyAsync(pass, rules, ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await new DomainEventOutbox(db, clock).DeleteProcessedBeforeAsync(pass.Now - ProcessedRetention, ct);
        }

        return pass.AddedByWorkflow.Values.Sum();
    }

    private static IEnumerable<WorkflowRun> RunsOf(StoredDomainEvent stored, List<WorkflowRule> rules, DateTimeOffset now)
    {
        var (type, orderId) = stored.ToDomainEvent() switch
        {
            OrderStatusChanged changed => (TriggerOf(changed.To), (Guid?)changed.OrderId),
            CustomerCreated => (WorkflowTriggerType.CustomerCreated, null),
            InteractionLogged => (WorkflowTriggerType.InteractionLogged, null),
            _ => ((WorkflowTriggerType?)null, null),
        };
        return type is null
            ? []
            : rules.Where(r => r.Definition.Trigger!.Type == type).Select(r => new WorkflowRun(
                r.Name,
                WorkflowJson.Name(type.Value),
                stored.OccurrenceKey,
                stored.CustomerId,
                orderId,
                stored.OccurredAt,
                stored.OccurredAt + (r.Definition.Delay?.ToTimeSpan() ?? TimeSpan.Zero),
                held: false,
                now));
    }

    private static WorkflowTriggerType? TriggerOf(OrderStatus status) => status switch
    {
        OrderStatus.Placed => WorkflowTriggerType.OrderPlaced,
        OrderStatus.Paid => WorkflowTriggerType.OrderPaid,
        OrderStatus.Shipped => WorkflowTriggerType.OrderShipped,
        OrderStatus.Delivered => WorkflowTriggerType.OrderDelivered,
        OrderStatus.Cancelled => WorkflowTriggerType.OrderCancelled,
        OrderStatus.PartiallyRefunded or OrderStatus.Refunded => WorkflowTriggerType.OrderRefunded,
        _ => null,
    };

    public static bool IsEventTrigger(WorkflowTriggerType type) => type is not (
        WorkflowTriggerType.OrderInState or WorkflowTriggerType.NoContact or WorkflowTriggerType.Schedule
        or WorkflowTriggerType.LikelihoodAbove or WorkflowTriggerType.LikelihoodBelow);
}
