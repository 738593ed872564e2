using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A new order: the customer and the products (by SKU) with their quantities.</summary>
public sealed record OrderRequest(
    [property: Required] Guid? CustomerId,
    [property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<OrderLineInput>? Lines);
