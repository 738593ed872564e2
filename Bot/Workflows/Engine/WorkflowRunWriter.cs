using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Records new runs, each (workflow, occurrence) once: an occurrence already recorded (a retried job, another
/// instance, a second scan) is left out, also when two writers race. Counts what each pass added per rule, for
/// the mass-send guard.
/// </summary>
public static class WorkflowRunWriter
{
    /// <summary>Adds the runs whose occurrence is new; returns how many it added, per workflow, into <paramref name="pass"/>.</summary>
    public static async Task AddAsync(IDbContextFactory<CrmDbContext> contexts, IReadOnlyList<WorkflowRun> runs, WorkflowPass pass, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(pass);
        if (runs.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var fresh = new List<WorkflowRun>();
        foreach (var workflow in runs.GroupBy(r => r.Workflow))
        {
            var occurrences = workflow.Select(r => r.Occurrence).Distinct().ToList();
            var known = (await db.WorkflowRuns.AsNoTracking()
                .Where(r => r.Workflow == workflow.Key && occurrences.Contains(r.Occurrence))
                .Select(r => r.Occurrence)
                .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            fresh.AddRange(workflow.DistinctBy(r => r.Occurrence).Where(r => !known.Contains(r.Occurrence)));
        }

        if (fresh.Count == 0)
        {
            return;
        }

        db.WorkflowRuns.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            pass.Added(fresh);
            return;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        // Another writer recorded some of them meanwhile: one at a time, each either added or already there.
        foreach (var run in fresh)
        {
            db.WorkflowRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
                pass.Added([run]);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>One pass of the engine (an event intake or a scan): its time, and how many runs it added per workflow.</summary>
public sealed class WorkflowPass(DateTimeOffset now)
{
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyDictionary<string, int> AddedByWorkflow => _added;

    public void Added(IEnumerable<WorkflowRun> runs)
    {
        foreach (var run in runs)
        {
            _added[run.Workflow] = _added.GetValueOrDefault(run.Workflow) + 1;
        }
    }
}
