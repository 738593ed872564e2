using System.Text.Json.Serialization;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.Interactions;

/// <summary>A contact with a customer was logged (its outcome and notes stay in the interaction: they are free text).</summary>
public sealed record InteractionLogged(Guid InteractionId, Guid CustomerId, Guid? RepId, InteractionKind Kind, DateTimeOffset OccurredAt) : IDomainEvent
{
    [JsonIgnore]
    public Guid SubjectId => InteractionId;

    [JsonIgnore]
    public string OccurrenceKey => $"interaction-logged:{InteractionId}";
}
