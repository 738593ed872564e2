namespace CrmBot.Workflows;

/// <summary>What a workflow does; written camelCase in the workflows file (messageCustomer, notifyRep, ...).</summary>
public enum WorkflowActionType
{
    /// <summary>A message to the customer, in their language, only with their consent and outside their quiet hours.</summary>
    MessageCustomer,

    /// <summary>A Teams message to the customer's rep.</summary>
    NotifyRep,

    /// <summary>A Teams message to every rep.</summary>
    NotifyAllReps,

    /// <summary>A reminder for the customer's rep, due after <see cref="WorkflowAction.DueIn"/> (now by default).</summary>
    CreateReminder,
    AssignRep,
    TagCustomer,
    UntagCustomer,
}
