using CrmBot.Domain.Workflows;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// What a workflow did lately: its latest run, how its runs started in the last days came out, and how many of its
/// runs wait held for a rep (of any age).
/// </summary>
public sealed record WorkflowRunSummary(WorkflowRun? Latest, int Done, int Skipped, int Failed, int Held)
{
    public static WorkflowRunSummary None { get; } = new(null, 0, 0, 0, 0);
}
