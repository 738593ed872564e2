using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Runs the runs that are due: claims each (one executor per run, also with several instances), checks the rule's
/// conditions on the subject as it is now, does the actions in order and logs each outcome as it goes. A run that
/// must wait (the customer's night, a send being retried) is due again later and resumes at the action that waited;
/// a run whose executor stopped is claimed again after <see cref="ClaimTimeout"/>. Runs of paused rules wait.
/// </summary>
public sealed partial class WorkflowExecutor(
    IDbContextFactory<CrmDbContext> contexts,
    WorkflowCatalog catalog,
    WorkflowSwitchboard switchboard,
    WorkflowActions actions,
    TimeProvider clock,
    ILogger<WorkflowExecutor> logger)
{
    public const int BatchSize = 200;

    /// <summary>Longer than any run takes: a claim this old was left by an executor that stopped.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Longer than a run's actions take when they work: a claim this recent means the run is under way.</summary>
    public static readonly TimeSpan BusyWindow = TimeSpan.FromMinutes(1);

    /// <summary>Runs everything due now; returns how many runs it finished (done, skipped or failed).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var paused = (await switchboard.PausedAsync(ct)).ToList();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var abandoned = clock.GetUtcNow() - ClaimTimeout;
            await db.WorkflowRuns.Where(r => r.Status == WorkflowRunStatus.Running && r.ClaimedAt < abandoned)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, WorkflowRunStatus.Pending), ct);
        }

        var finished = 0;
        var failing = new HashSet<Guid>();
        var claimed = true;
        while (claimed)
        {
            claimed = false;
            var now = clock.GetUtcNow();
            List<DueRun> due;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                due = await db.WorkflowRuns.AsNoTracking()
                    .Where(r => r.Status == WorkflowRunStatus.Pending && r.DueAt <= now && !paused.Contains(r.Workflow))
                    .OrderBy(r => r.DueAt).ThenBy(r => r.Id)
                    .Select(r => new DueRun(r.Id, r.Attempts))
                    .Take(BatchSize)
                    .ToListAsync(ct);
            }

            due.RemoveAll(r => failing.Contains(r.Id));
            if (due.Count == 0)
            {
                return finished;
            }

            foreach (var run in due)
            {
                if (!await ClaimAsync(run, now, ct))
                {
                    continue;
                }

                claimed = true;
                try
                {
                    finished += await ExecuteAsync(run.Id, ct) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left claimed: tried again after the claim timeout, by this instance or another.
                    LogFailed(logger, e.Redacted(), run.Id);
                    failing.Add(run.Id);
                }
            }
        }

        // What is left is another executor's or waits for one: the next pass takes it.
        return finished;
    }

    /// <summary>
    /// Claims a run unless another executor claimed it first, or is running another run of the same customer: a
    /// customer's messages go out in the order their runs fell due (the welcome before the news of the first order),
    /// also with several executors. A claim older than <see cref="BusyWindow"/> no longer holds the customer's other
    /// runs back, so a run that keeps failing does not silence the rest.
    /// </summary>
    private async Task<bool> ClaimAsync(DueRun run, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var busySince = now - BusyWindow;
        return await db.WorkflowRuns
            .Where(r => r.Id == run.Id && r.Status == WorkflowRunStatus.Pending && r.Attempts == run.Attempts
                && !db.WorkflowRuns.Any(other => other.CustomerId == r.CustomerId && other.Status == WorkflowRunStatus.Running && other.ClaimedAt > busySince))
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, WorkflowRunStatus.Running)
                    .SetProperty(r => r.Attempts, run.Attempts + 1)
                    .SetProperty(r => r.ClaimedAt, now),
                ct) == 1;
    }

    /// <summary>Runs a claimed run as far as it can go now; true when it finished.</summary>
    private async Task<bool> ExecuteAsync(Guid runId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var run = await db.WorkflowRuns.FirstAsync(r => r.Id == runId, ct);
        var log = WorkflowRunLog.Parse(run.Log);
        var rule = catalog.Current.Active.FirstOrDefault(r => r.Name == run.Workflow && r.Definition.Trigger is not null);
        if (rule is null)
        {
            return await FinishAsync(db, run, log with { Skipped = RunSkipReason.RuleGone }, WorkflowRunStatus.Skipped, ct);
        }

        var subject = await WorkflowSubjects.OfAsync(db, run.CustomerId, run.OrderId, ct);
        if (subject is null || subject.Customer.Erased)
        {
            return await FinishAsync(db, run, log with { Skipped = RunSkipReason.SubjectGone }, WorkflowRunStatus.Skipped, ct);
        }

        // Conditions are checked once, when the run first falls due; a run resumed after waiting finishes its actions.
        if (log.Actions.Count == 0)
        {
            log = log with { Conditions = ConditionEvaluator.Evaluate(rule.Definition.Conditions, subject, clock.GetUtcNow()) };
            if (!log.ConditionsHeld)
            {
                return await FinishAsync(db, run, log with { Skipped = RunSkipReason.Conditions }, WorkflowRunStatus.Skipped, ct);
            }
        }

        var definition = rule.Definition;
        var firstDueAt = run.TriggeredAt + (definition.Delay?.ToTimeSpan() ?? TimeSpan.Zero);
        for (var index = 0; index < definition.Actions.Count; index++)
        {
            if (log.Of(index) is { Result: not ActionResult.Waiting })
            {
                continue;
            }

            var work = new ActionRun(db, run, definition.Trigger!, definition.Actions[index], index, subject, firstDueAt, clock.GetUtcNow());
            var step = await actions.RunAsync(work, ct);
            log = log.With(step.Outcome);
            run.Log = log.ToJson();
            if (step.RetryAt is { } retryAt)
            {
                run.Status = WorkflowRunStatus.Pending;
                run.DueAt = retryAt;
                await db.SaveChangesAsync(ct);
                return false;
            }

            // The action's own change (a reminder, a rep, a tag) is saved with its outcome, in one transaction.
            await db.SaveChangesAsync(ct);
            if (step.Outcome.Result == ActionResult.Done && ChangesCustomer(definition.Actions[index].Type))
            {
                // The next actions act on the customer as this one left them: notify the rep it assigned, name them.
                subject = await WorkflowSubjects.OfAsync(db, run.CustomerId, run.OrderId, ct) ?? subject;
            }
        }

        var failed = log.Actions.Any(a => a.Result == ActionResult.Failed);
        return await FinishAsync(db, run, log, failed ? WorkflowRunStatus.Failed : WorkflowRunStatus.Done, ct);
    }

    private async Task<bool> FinishAsync(CrmDbContext db, WorkflowRun run, WorkflowRunLog log, WorkflowRunStatus status, CancellationToken ct)
    {
        run.Log = log.ToJson();
        run.Status = status;
        run.CompletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool ChangesCustomer(WorkflowActionType type) =>
        type is WorkflowActionType.AssignRep or WorkflowActionType.TagCustomer or WorkflowActionType.UntagCustomer;

    private sealed record DueRun(Guid Id, int Attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow run {RunId} failed; it is tried again after the claim timeout")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);
}
