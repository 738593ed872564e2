namespace CrmBot.Domain.Common;

/// <summary>Base of everything with an identity: a time-ordered GUID assigned at creation.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
