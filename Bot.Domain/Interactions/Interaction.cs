using CrmBot.Domain.Common;

namespace CrmBot.Domain.Interactions;

/// <summary>A note of a contact with a customer: a call, a chat, an email or a plain note.</summary>
public sealed class Interaction : Entity
{
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
    }

    public Guid CustomerId { get; private set; }

    public Guid? RepId { get; private set; }

    public InteractionKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>How it went, in a few words, e.g. "reached", "no answer", "wants a quote".</summary>
    public string? Outcome { get; private set; }

    public string? Notes { get; private set; }
}
