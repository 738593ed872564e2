using CrmBot.Domain.Common;

namespace CrmBot.Domain.Events;

/// <summary>
/// A domain event as the outbox (table DomainEvents) keeps it: written in the transaction of the change that raised
/// it, then read in <see cref="Id"/> order by its consumers, which mark it processed.
/// </summary>
public sealed class StoredDomainEvent
{
    public const int TypeMaxLength = 64;
    public const int OccurrenceKeyMaxLength = 200;

    private StoredDomainEvent()
    {
    }

    internal StoredDomainEvent(IDomainEvent domainEvent)
    {
        Type = DomainEventTypes.NameOf(domainEvent);
        SubjectId = domainEvent.SubjectId;
        CustomerId = domainEvent.CustomerId;
        OccurrenceKey = Guard.Required(domainEvent.OccurrenceKey, "Occurrence key", OccurrenceKeyMaxLength);
        OccurredAt = domainEvent.OccurredAt;
        Payload = DomainEventTypes.Serialize(domainEvent);
    }

    /// <summary>Assigned by the database, increasing: the order consumers read in.</summary>
    public long Id { get; private set; }

    /// <summary>The event's name, e.g. OrderStatusChanged (not the CLR type's, so that renaming a class breaks no row).</summary>
    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>Unique: the same occurrence is never stored twice.</summary>
    public string OccurrenceKey { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event as JSON; ids, statuses, kinds and amounts only (see <see cref="IDomainEvent"/>).</summary>
    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>The <see cref="DomainEventOutbox.MarkProcessedAsync"/> call that marked it: how that call tells its rows from another's.</summary>
    public Guid? ProcessedBatch { get; private set; }

    public IDomainEvent ToDomainEvent() => DomainEventTypes.Deserialize(Type, Payload);
}
