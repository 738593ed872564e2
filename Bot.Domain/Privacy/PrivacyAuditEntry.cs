using CrmBot.Domain.Common;

namespace CrmBot.Domain.Privacy;

/// <summary>
/// One export or erasure of a customer's data: when, who asked, about which customer, and how it ended. It never
/// holds the personal data itself, so it outlives an erasure.
/// </summary>
public sealed class PrivacyAuditEntry : Entity
{
    public const int ActorMaxLength = 200;

    private PrivacyAuditEntry()
    {
    }

    public PrivacyAuditEntry(DateTimeOffset at, Actor actor, PrivacyAction action, Guid customerId, PrivacyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(actor);
        At = at;
        Actor = Guard.Required(actor.ToString(), "Actor", ActorMaxLength);
        ActorId = actor.Id;
        Action = action;
        CustomerId = customerId;
        Outcome = outcome;
    }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who asked, e.g. "rep:Li Na" or "api:back-office".</summary>
    public string Actor { get; private set; } = string.Empty;

    public Guid? ActorId { get; private set; }

    public PrivacyAction Action { get; private set; }

    /// <summary>No foreign key: the entry stays when a customer record is erased or removed.</summary>
    public Guid CustomerId { get; private set; }

    public PrivacyOutcome Outcome { get; private set; }
}
