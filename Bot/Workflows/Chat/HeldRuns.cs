using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// The runs of a workflow that the mass-send guard held: a rep releases them (they fall due now and the executor
/// sends them) or discards them (skipped, never sent). Each run changes only while still held, so two reps acting at
/// once never both count it.
/// </summary>
public sealed class HeldRuns(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>How many runs of <paramref name="workflow"/> are held, and when the latest of them was created.</summary>
    public async Task<(int Count, DateTimeOffset? Latest)> CountAsync(string workflow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = Held(db, workflow);
        var count = await held.CountAsync(ct);
        var latest = count == 0 ? null : await held.OrderByDescending(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstAsync(ct);
        return (count, latest);
    }

    /// <summary>
    /// Makes the runs held up to <paramref name="createdUpTo"/> (those the rep was shown, not any held since) due now;
    /// returns how many.
    /// </summary>
    public async Task<int> ReleaseAsync(string workflow, DateTimeOffset createdUpTo, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Held(db, workflow).Where(r => r.CreatedAt <= createdUpTo).ExecuteUpdateAsync(
            run => run.SetProperty(r => r.Status, WorkflowRunStatus.Pending).SetProperty(r => r.DueAt, now), ct);
    }

    /// <summary>Skips every held run of <paramref name="workflow"/> for good, its log saying a rep discarded it; returns how many.</summary>
    public async Task<int> DiscardAsync(string workflow, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Held runs have not run, so their logs are empty but for the rare one held again: one update per distinct log.
        var logs = await Held(db, workflow).Select(r => r.Log).Distinct().ToListAsync(ct);
        var discarded = 0;
        foreach (var log in logs)
        {
            var skipped = (WorkflowRunLog.Parse(log) with { Skipped = RunSkipReason.Discarded }).ToJson();
            discarded += await Held(db, workflow).Where(r => r.Log == log).ExecuteUpdateAsync(
                run => run.SetProperty(r => r.Status, WorkflowRunStatus.Skipped).SetProperty(r => r.CompletedAt, now).SetProperty(r => r.Log, skipped), ct);
        }

        return discarded;
    }

    private static IQueryable<WorkflowRun> Held(CrmDbContext db, string workflow) =>
        db.WorkflowRuns.Where(r => r.Workflow == workflow && r.Status == WorkflowRunStatus.Held);
}
