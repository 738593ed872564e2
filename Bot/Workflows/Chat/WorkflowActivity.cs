using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// The workflows' run log and switches as reps read them: what each workflow did lately, who paused it, and the
/// runs that concerned a customer.
/// </summary>
public sealed class WorkflowActivity(IDbContextFactory<CrmDbContext> contexts, WorkflowSwitchboard switchboard)
{
    /// <summary>The summary of each of <paramref name="workflows"/>, counting the runs created since <paramref name="since"/>.</summary>
    public async Task<IReadOnlyDictionary<string, WorkflowRunSummary>> SummariesAsync(IEnumerable<string> workflows, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == WorkflowRunStatus.Held)
            .GroupBy(r => r.Workflow)
            .Select(g => new { Workflow = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Workflow, g => g.Count, StringComparer.Ordinal, ct);

        // Per workflow, so that each query reads a range of the (Workflow, CreatedAt) index: a handful of rules, many runs.
        var summaries = new Dictionary<string, WorkflowRunSummary>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            var runs = db.WorkflowRuns.AsNoTracking().Where(r => r.Workflow == workflow);
            var latest = await runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            var recent = await runs.Where(r => r.CreatedAt >= since)
                .GroupBy(r => r.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
            summaries[workflow] = new WorkflowRunSummary(
                latest,
                recent.GetValueOrDefault(WorkflowRunStatus.Done),
                recent.GetValueOrDefault(WorkflowRunStatus.Skipped),
                recent.GetValueOrDefault(WorkflowRunStatus.Failed),
                held.GetValueOrDefault(workflow));
        }

        return summaries;
    }

    /// <summary>The latest pause of <paramref name="workflow"/>, or null when it is not paused.</summary>
    public async Task<WorkflowPause?> PauseOfAsync(string workflow, CancellationToken ct)
    {
        if (await switchboard.HistoryAsync(workflow, 1, ct) is not [{ Paused: true } latest])
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var by = latest.RepId is { } repId
            ? await db.SalesReps.AsNoTracking().Where(r => r.Id == repId).Select(r => r.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        return new WorkflowPause(latest.At, by);
    }

    /// <summary>The customer's latest runs, the last triggered first.</summary>
    public async Task<IReadOnlyList<WorkflowRun>> OfCustomerAsync(Guid customerId, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.TriggeredAt).ThenByDescending(r => r.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    /// <summary>The numbers of the orders that still exist among <paramref name="orderIds"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OrderNumbersAsync(IEnumerable<Guid> orderIds, CancellationToken ct)
    {
        var ids = orderIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
    }
}
