using CrmBot.Domain.Orders;

namespace CrmBot.Api;

/// <summary>
/// An order with its lines, shipment and timeline (who moved it from which status to which). PermittedActions names
/// the action endpoints that apply now (pay, ship, deliver, cancel, refund); Version is what its ETag says.
/// </summary>
public sealed record OrderDetails(
    string Number,
    Guid CustomerId,
    OrderStatus Status,
    MoneyAmount Total,
    MoneyAmount AmountPaid,
    MoneyAmount AmountRefunded,
    DateTimeOffset? PlacedAt,
    IReadOnlyList<OrderLineDetails> Lines,
    ShipmentDetails? Shipment,
    IReadOnlyList<string> PermittedActions,
    IReadOnlyList<OrderTimelineEntry> Timeline,
    int Version)
{
    public static OrderDetails Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var timeline = OrderTimeline.Of(order);
        return new(
            order.Number,
            order.CustomerId,
            order.Status,
            MoneyAmount.Of(order.Total),
            MoneyAmount.Of(timeline.AmountPaid),
            MoneyAmount.Of(timeline.AmountRefunded),
            order.PlacedAt,
            [.. order.Lines.Select(l => new OrderLineDetails(l.Sku, l.ProductName, MoneyAmount.Of(l.UnitPrice), l.Quantity, MoneyAmount.Of(l.LineTotal)))],
            order.Shipment is { } s ? new ShipmentDetails(s.Carrier, s.TrackingNumber, s.ShippedAt, s.DeliveredAt) : null,
            [.. timeline.PermittedActions.Where(a => a != OrderAction.Place).Select(a => a.ToString().ToLowerInvariant())],
            timeline.Entries,
            order.Version);
    }
}
