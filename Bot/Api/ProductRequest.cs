using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A new product for the catalogue.</summary>
public sealed record ProductRequest(
    [property: Required, StringLength(64)] string? Sku,
    [property: Required, StringLength(200)] string? Name,
    [property: Required] MoneyInput? Price,
    [property: Range(0, int.MaxValue)] int Stock = 0);
