using CrmBot.Domain.Common;

namespace CrmBot.Domain.Workflows;

/// <summary>
/// A rep paused or resumed a workflow. The rows are the audit trail and the state at once: a workflow is paused when
/// its latest switch says so.
/// </summary>
public sealed class WorkflowSwitch
{
    private WorkflowSwitch()
    {
    }

    public WorkflowSwitch(string workflow, bool paused, Guid? repId, DateTimeOffset at)
    {
        Workflow = Guard.Required(workflow, "Workflow", WorkflowRun.WorkflowMaxLength);
        Paused = paused;
        RepId = repId;
        At = at;
    }

    public long Id { get; private set; }

    public string Workflow { get; private set; } = string.Empty;

    public bool Paused { get; private set; }

    /// <summary>Who switched it; null for the command line.</summary>
    public Guid? RepId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
