using System.Text.Json.Serialization;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.Customers;

/// <summary>A customer was created in CrmBot (by a rep, the API or a chat; not by an import of the shop's records).</summary>
public sealed record CustomerCreated(Guid CustomerId, DateTimeOffset OccurredAt) : IDomainEvent
{
    [JsonIgnore]
    public Guid SubjectId => CustomerId;

    [JsonIgnore]
    public string OccurrenceKey => $"customer-created:{CustomerId}";
}
