using CrmBot.Domain.Common;

namespace CrmBot.Domain.Workflows;

/// <summary>
/// One run of a workflow for one trigger occurrence (an order shipped, an order unpaid for two days, a customer silent
/// for 30 days): created when the trigger fires, due after the rule's delay, then executed and logged. The pair
/// (<see cref="Workflow"/>, <see cref="Occurrence"/>) is unique, so however often the jobs that find triggers run,
/// a workflow runs once per occurrence. Holds ids, times and outcomes only, never names or message text.
/// </summary>
public sealed class WorkflowRun
{
    public const int WorkflowMaxLength = 100;
    public const int OccurrenceMaxLength = 200;
    public const int TriggerMaxLength = 40;

    private WorkflowRun()
    {
    }

    public WorkflowRun(string workflow, string trigger, string occurrence, Guid customerId, Guid? orderId, DateTimeOffset triggeredAt, DateTimeOffset dueAt, bool held, DateTimeOffset now)
    {
        Workflow = Guard.Required(workflow, "Workflow", WorkflowMaxLength);
        Trigger = Guard.Required(trigger, "Trigger", TriggerMaxLength);
        Occurrence = Guard.Required(occurrence, "Occurrence", OccurrenceMaxLength);
        CustomerId = customerId;
        OrderId = orderId;
        TriggeredAt = triggeredAt;
        DueAt = dueAt;
        Status = held ? WorkflowRunStatus.Held : WorkflowRunStatus.Pending;
        CreatedAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The rule's name.</summary>
    public string Workflow { get; private set; } = string.Empty;

    /// <summary>The trigger type as the workflows file writes it (orderShipped, noContact, ...).</summary>
    public string Trigger { get; private set; } = string.Empty;

    /// <summary>Names the trigger occurrence, e.g. order-status:{history entry id} or no-contact:{customer}:{last contact}.</summary>
    public string Occurrence { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public Guid? OrderId { get; private set; }

    /// <summary>When the trigger fired (the event happened, the order had been in its state for N days...).</summary>
    public DateTimeOffset TriggeredAt { get; private set; }

    /// <summary>When the run is to be executed next: the trigger time plus the delay, or later when it waits (quiet hours, a retry).</summary>
    public DateTimeOffset DueAt { get; set; }

    public WorkflowRunStatus Status { get; set; }

    /// <summary>How many times an executor claimed it; a claim is a conditional update on this count.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The conditions as evaluated and each action's outcome, as JSON (the engine's WorkflowRunLog).</summary>
    public string? Log { get; set; }
}
