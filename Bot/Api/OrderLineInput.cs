using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A product by SKU and how many of it.</summary>
public sealed record OrderLineInput(
    [property: Required, StringLength(64)] string? Sku,
    [property: Range(1, 10_000)] int Quantity);
