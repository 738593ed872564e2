namespace CrmBot.Domain.Orders;

/// <summary>The order a placement answered with; <see cref="Replayed"/> when an earlier request with the same idempotency key placed it.</summary>
public sealed record PlacedOrder(Order Order, bool Replayed);
