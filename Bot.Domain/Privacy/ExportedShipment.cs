namespace CrmBot.Domain.Privacy;

public sealed record ExportedShipment(string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt);
