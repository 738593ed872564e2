namespace CrmBot.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, recorded by the aggregate as it happens and saved to the outbox
/// (<see cref="Events.DomainEventOutbox"/>) in the same transaction as the change.
/// </summary>
/// <remarks>
/// Events hold ids, statuses, kinds and amounts, never names, contacts or free text: the outbox is read by
/// machines, and keeping personal data out of it keeps it out of every copy a consumer makes.
/// </remarks>
public interface IDomainEvent
{
    /// <summary>The entity the event is about: an order, a customer, an interaction.</summary>
    Guid SubjectId { get; }

    Guid CustomerId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>Names this occurrence: unique among all events, and the same however often the event is saved or read.</summary>
    string OccurrenceKey { get; }
}
