using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>How many units of a product are on hand now.</summary>
public sealed record StockRequest([property: Required, Range(0, int.MaxValue)] int? Stock);
