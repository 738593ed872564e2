namespace CrmBot.Domain.Common;

/// <summary>An aggregate that records what happens to it, for the database context to save with the change.</summary>
public interface IHasDomainEvents
{
    /// <summary>Events recorded since the aggregate was last saved, oldest first.</summary>
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
