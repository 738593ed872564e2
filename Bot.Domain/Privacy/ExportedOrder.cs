using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Privacy;

/// <summary>One of the customer's orders with everything that happened to it.</summary>
public sealed record ExportedOrder(
    Guid Id,
    string Number,
    OrderStatus Status,
    ExportedMoney Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PlacedAt,
    string? ExternalId,
    IReadOnlyList<ExportedOrderLine> Lines,
    IReadOnlyList<ExportedPayment> Payments,
    IReadOnlyList<ExportedShipment> Shipments,
    IReadOnlyList<ExportedRefund> Refunds,
    IReadOnlyList<ExportedStatusChange> History)
{
    public static ExportedOrder Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.Number,
            order.Status,
            ExportedMoney.Of(order.Total),
            order.CreatedAt,
            order.PlacedAt,
            order.ExternalId,
            [.. order.Lines.Select(l => new ExportedOrderLine(l.Sku, l.ProductName, ExportedMoney.Of(l.UnitPrice), l.Quantity, ExportedMoney.Of(l.LineTotal)))],
            [.. order.Payments.OrderBy(p => p.PaidAt).Select(p => new ExportedPayment(ExportedMoney.Of(p.Amount), p.Method, p.Reference, p.PaidAt))],
            [.. order.Shipments.OrderBy(s => s.ShippedAt).Select(s => new ExportedShipment(s.Carrier, s.TrackingNumber, s.ShippedAt, s.DeliveredAt))],
            [.. order.Refunds.OrderBy(r => r.RefundedAt).Select(r => new ExportedRefund(ExportedMoney.Of(r.Amount), r.Reason, r.RefundedAt))],
            [.. order.History.OrderBy(h => h.Step).Select(h => new ExportedStatusChange(h.Step, h.At, h.Actor, h.From, h.To, h.Note))]);
    }
}
