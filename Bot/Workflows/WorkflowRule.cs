namespace CrmBot.Workflows;

/// <summary>A rule as loaded: its definition, where it came from, and what is wrong with it (a wrong rule never runs).</summary>
public sealed record WorkflowRule(WorkflowDefinition Definition, WorkflowSource Source, IReadOnlyList<WorkflowError> Errors)
{
    public string Name => Definition.Name;

    public bool IsValid => Errors.Count == 0;

    /// <summary>Valid and enabled: what the engine runs.</summary>
    public bool IsActive => IsValid && Definition.Enabled;
}

/// <summary>Where a rule comes from.</summary>
public enum WorkflowSource
{
    /// <summary>Shipped with CrmBot (Bot/Workflows/DefaultWorkflows.json).</summary>
    Default,

    /// <summary>The workflows file (Workflows:File).</summary>
    File,
}
