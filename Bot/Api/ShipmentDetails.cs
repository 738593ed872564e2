namespace CrmBot.Api;

/// <summary>How an order travels: carrier, tracking number, when it left and (once known) when it arrived.</summary>
public sealed record ShipmentDetails(string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt);
