namespace CrmBot.Workflows.Chat;

/// <summary>What a rep asks of the sales workflows in chat.</summary>
public enum WorkflowCommand
{
    List,
    Pause,
    Resume,

    /// <summary>Let a rule's held runs go out now, once the rep has confirmed.</summary>
    Release,

    /// <summary>Skip a rule's held runs for good.</summary>
    Discard,
}
