using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

public sealed class Shipment : Entity
{
    private Shipment()
    {
    }

    internal Shipment(string carrier, string trackingNumber, DateTimeOffset shippedAt)
    {
        Carrier = Guard.Required(carrier, "Carrier", 100);
        TrackingNumber = Guard.Required(trackingNumber, "Tracking number", 100);
        ShippedAt = shippedAt;
    }

    public string Carrier { get; private set; } = string.Empty;

    public string TrackingNumber { get; private set; } = string.Empty;

    public DateTimeOffset ShippedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    internal void MarkDelivered(DateTimeOffset at) => DeliveredAt = at;
}
