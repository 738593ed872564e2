using CrmBot.Domain.Workflows;
using CrmBot.Tests.Support;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Workflows;

/// <summary>Runs in the run log as the engine leaves them, and the run log and switches as the database has them.</summary>
internal static class WorkflowRunArrangements
{
    /// <summary>
    /// A run of <paramref name="workflow"/> for the customer, triggered at <paramref name="triggeredAt"/> and in
    /// <paramref name="status"/>: completed at the trigger time plus five minutes when it is over, with <paramref name="log"/>.
    /// </summary>
    public static Task<WorkflowRun> AddRunAsync(
        this TestDatabase db, string workflow, string trigger, Guid customerId, DateTimeOffset triggeredAt, WorkflowRunStatus status,
        CancellationToken ct, Guid? orderId = null, WorkflowRunLog? log = null) =>
        db.WithDbAsync(async context =>
        {
            var run = new WorkflowRun(
                workflow, trigger, $"test:{Guid.NewGuid():N}", customerId, orderId, triggeredAt, triggeredAt, status == WorkflowRunStatus.Held, triggeredAt)
            {
                Status = status,
                Log = log?.ToJson(),
            };
            if (status is WorkflowRunStatus.Done or WorkflowRunStatus.Skipped or WorkflowRunStatus.Failed)
            {
                run.CompletedAt = triggeredAt.AddMinutes(5);
            }

            context.WorkflowRuns.Add(run);
            await context.SaveChangesAsync(ct);
            return run;
        });

    /// <summary>
    /// <paramref name="count"/> runs of <paramref name="workflow"/> that the mass-send guard held for the customer,
    /// triggered (and held) a minute apart, the last at the test clock's start.
    /// </summary>
    public static async Task HoldAsync(this TestDatabase db, string workflow, string trigger, Guid customerId, int count, CancellationToken ct)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            await db.AddRunAsync(workflow, trigger, customerId, TestDatabase.Start.AddMinutes(-i), WorkflowRunStatus.Held, ct);
        }
    }

    /// <summary>A run whose message went out: the consent condition held and the message was sent five minutes later.</summary>
    public static WorkflowRunLog Sent(string action, DateTimeOffset triggeredAt) => new(
        [new ConditionOutcome("customer.consent equals true", "true", Held: true)],
        [new ActionOutcome(0, action, ActionResult.Done, ActionReason.None, triggeredAt.AddMinutes(5))]);

    public static Task<List<WorkflowRun>> RunsAsync(this TestDatabase db, CancellationToken ct) =>
        db.WithDbAsync(context => context.WorkflowRuns.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(ct));

    public static Task<List<WorkflowSwitch>> SwitchesAsync(this TestDatabase db, CancellationToken ct) =>
        db.WithDbAsync(context => context.WorkflowSwitches.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct));
}
