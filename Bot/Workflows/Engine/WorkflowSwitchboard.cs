using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Pauses and resumes workflows, for every instance at once (the switches are rows, and the latest row of a workflow
/// says whether it is paused); each switch records who made it.
/// </summary>
public sealed class WorkflowSwitchboard(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>The names of the paused workflows.</summary>
    public async Task<IReadOnlySet<string>> PausedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var paused = await db.WorkflowSwitches.AsNoTracking()
            .Where(s => s.Id == db.WorkflowSwitches.Where(x => x.Workflow == s.Workflow).Max(x => x.Id) && s.Paused)
            .Select(s => s.Workflow)
            .ToListAsync(ct);
        return paused.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Pauses or resumes <paramref name="workflow"/>; false (and nothing recorded) when it already was.</summary>
    public async Task<bool> SwitchAsync(string workflow, bool paused, Guid? repId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var latest = await db.WorkflowSwitches.AsNoTracking().Where(s => s.Workflow == workflow)
            .OrderByDescending(s => s.Id).Select(s => (bool?)s.Paused).FirstOrDefaultAsync(ct);
        if ((latest ?? false) == paused)
        {
            return false;
        }

        db.WorkflowSwitches.Add(new WorkflowSwitch(workflow, paused, repId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The switches of a workflow, the latest first.</summary>
    public async Task<IReadOnlyList<WorkflowSwitch>> HistoryAsync(string workflow, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WorkflowSwitches.AsNoTracking().Where(s => s.Workflow == workflow).OrderByDescending(s => s.Id).Take(max).ToListAsync(ct);
    }
}
