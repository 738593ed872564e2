using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>What a customer or rep sees when tracking an order.</summary>
public sealed record OrderTimeline(
    string Number,
    OrderStatus Status,
    Money Total,
    Money AmountPaid,
    Money AmountRefunded,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<OrderAction> PermittedActions,
    IReadOnlyList<OrderTimelineEntry> Entries)
{
    public static OrderTimeline Of(Order order) => new(
        order.Number,
        order.Status,
        order.Total,
        order.AmountPaid,
        order.AmountRefunded,
        order.Shipment?.Carrier,
        order.Shipment?.TrackingNumber,
        order.PermittedActions,
        order.History.OrderBy(h => h.Step)
            .Select(h => new OrderTimelineEntry(h.At, h.From, h.To, h.Actor, h.Note)).ToList());
}

public sealed record OrderTimelineEntry(DateTimeOffset At, OrderStatus? From, OrderStatus To, string Actor, string? Note);
