namespace CrmBot.Domain.Workflows;

public enum WorkflowRunStatus
{
    /// <summary>Waiting for <see cref="WorkflowRun.DueAt"/> (its delay, the recipient's morning, a retry).</summary>
    Pending,

    /// <summary>Claimed by an executor that is running its actions now.</summary>
    Running,

    /// <summary>The conditions held and every action was done or skipped with a reason.</summary>
    Done,

    /// <summary>A condition did not hold, the rule was gone, or the news was too old to send: nothing was done.</summary>
    Skipped,

    /// <summary>Part of a run that would message too many customers at once: waits for a rep to release or discard it.</summary>
    Held,

    /// <summary>An action failed for good; the log says which and why.</summary>
    Failed,
}
