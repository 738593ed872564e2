using System.Text.Json.Serialization;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>
/// An order moved from one status to another (placed, paid, shipped, delivered, cancelled, refunded in part or in
/// full): one event per entry of its history, named by that entry.
/// </summary>
public sealed record OrderStatusChanged(
    Guid OrderId,
    Guid CustomerId,
    string OrderNumber,
    OrderStatus From,
    OrderStatus To,
    Money Total,
    Guid HistoryEntryId,
    int Step,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    [JsonIgnore]
    public Guid SubjectId => OrderId;

    [JsonIgnore]
    public string OccurrenceKey => $"order-status:{HistoryEntryId}";
}
