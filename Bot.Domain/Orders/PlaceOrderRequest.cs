namespace CrmBot.Domain.Orders;

/// <summary>A new order for a customer; the same <see cref="IdempotencyKey"/> twice places one order.</summary>
public sealed record PlaceOrderRequest(Guid CustomerId, IReadOnlyList<OrderLineRequest> Lines, string? IdempotencyKey = null);

/// <summary>A product by SKU and how many of it.</summary>
public sealed record OrderLineRequest(string Sku, int Quantity);
