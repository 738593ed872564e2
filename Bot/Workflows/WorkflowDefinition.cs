namespace CrmBot.Workflows;

/// <summary>
/// A named rule: when <see cref="Trigger"/> happens and every condition holds (after <see cref="Delay"/>), run the
/// actions. A rule that only turns a shipped default off has no trigger and no actions.
/// </summary>
public sealed record WorkflowDefinition(string Name)
{
    public string? Description { get; init; }

    public bool Enabled { get; init; } = true;

    public WorkflowTrigger? Trigger { get; init; }

    public IReadOnlyList<WorkflowCondition> Conditions { get; init; } = [];

    public WorkflowDuration? Delay { get; init; }

    public IReadOnlyList<WorkflowAction> Actions { get; init; } = [];
}
