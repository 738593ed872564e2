namespace CrmBot.Workflows.Engine;

/// <summary>
/// The engine's two recurring jobs: every minute, the runs that the domain events start, and every quarter of an
/// hour, those of the time-based triggers; each then runs whatever is due. Both can run on several instances at
/// once and again after a failure: every run is recorded once and executed by one claimant.
/// </summary>
public sealed class WorkflowJobs(WorkflowEventIntake intake, WorkflowTriggerScan scan, WorkflowExecutor executor)
{
    public async Task<WorkflowPassSummary> ProcessEventsAsync(CancellationToken ct)
    {
        var started = await intake.IntakeAsync(ct);
        return new WorkflowPassSummary(started, await executor.RunDueAsync(ct));
    }

    public async Task<WorkflowPassSummary> ScanAsync(CancellationToken ct)
    {
        var started = await scan.ScanAsync(ct);
        return new WorkflowPassSummary(started, await executor.RunDueAsync(ct));
    }
}

/// <summary>What a job did: runs it started, and runs it finished (of those and of earlier ones that fell due).</summary>
public sealed record WorkflowPassSummary(int Started, int Finished);
