using CrmBot.Domain.Common;

namespace CrmBot.Domain.Interactions;

/// <summary>A note of a contact with a customer: a call, a chat, an email or a plain note.</summary>
public sealed class Interaction : AggregateRoot
{
    public const int ImportKeyMaxLength = 200;

    private Interaction()
    {
    }

    public Interaction(Guid customerId, Guid? repId, InteractionKind kind, DateTimeOffset occurredAt, string? outcome, string? notes)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("interaction.kind", $"'{kind}' is not a kind of interaction (call, chat, email or note).");
        }

        CustomerId = customerId;
        RepId = repId;
        Kind = kind;
        OccurredAt = occurredAt;
        Outcome = Guard.Optional(outcome, "Outcome", 200);
        Notes = Guard.Optional(notes, "Notes", 4000);
        Raise(new InteractionLogged(Id, customerId, repId, kind, occurredAt));
    }

    /// <summary>
    /// An interaction from the shop's own records (no rep, no notes), identified by its import key. It raises no
    /// <see cref="InteractionLogged"/>: it is the shop's past, not a contact happening now.
    /// </summary>
    public static Interaction Import(Guid customerId, string importKey, InteractionKind kind, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        var interaction = new Interaction(customerId, null, kind, Guard.NotInFuture(occurredAt, "Occurred at", now), null, null)
        {
            ImportKey = Guard.Required(importKey, "Import key", ImportKeyMaxLength),
        };
        interaction.ClearDomainEvents();
        return interaction;
    }

    public Guid CustomerId { get; private set; }

    public Guid? RepId { get; private set; }

    public InteractionKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>How it went, in a few words, e.g. "reached", "no answer", "wants a quote".</summary>
    public string? Outcome { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>
    /// Set on imported interactions: the customer's external id, the moment and the kind, which the shop's records
    /// identify it by, so that importing the same file again adds nothing.
    /// </summary>
    public string? ImportKey { get; private set; }
}
