namespace CrmBot.Workflows;

/// <summary>What starts a workflow; written camelCase in the workflows file (orderPlaced, noContact, ...).</summary>
public enum WorkflowTriggerType
{
    OrderPlaced,
    OrderPaid,
    OrderShipped,
    OrderDelivered,
    OrderCancelled,
    OrderRefunded,

    /// <summary>An order has stayed in <see cref="WorkflowTrigger.Status"/> for <see cref="WorkflowTrigger.Days"/>.</summary>
    OrderInState,
    CustomerCreated,
    InteractionLogged,

    /// <summary>A scoring run put the customer's purchase likelihood at or above <see cref="WorkflowTrigger.Threshold"/> (it was below).</summary>
    LikelihoodAbove,

    /// <summary>A scoring run put the customer's purchase likelihood below <see cref="WorkflowTrigger.Threshold"/> (it was at or above).</summary>
    LikelihoodBelow,

    /// <summary>Nobody has logged an interaction with the customer for <see cref="WorkflowTrigger.Days"/>.</summary>
    NoContact,

    /// <summary>At the times of <see cref="WorkflowTrigger.Cron"/>, for every customer the conditions select.</summary>
    Schedule,
}
