namespace CrmBot.Workflows.Chat;

/// <summary>When a workflow was paused, and by whom (null: from the command line, or a rep no longer on record).</summary>
public sealed record WorkflowPause(DateTimeOffset At, string? By);
