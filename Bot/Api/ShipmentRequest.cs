using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>The carrier and tracking number of an order that has left.</summary>
public sealed record ShipmentRequest(
    [property: Required, StringLength(100)] string? Carrier,
    [property: Required, StringLength(100)] string? TrackingNumber);
