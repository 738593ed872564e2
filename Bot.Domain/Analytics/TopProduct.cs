using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// A product in the top list: the units sold on paid orders placed in the range that were not refunded in full, on how
/// many orders, and their value at the prices they were sold at (a partial refund names no product, so it is not taken off).
/// </summary>
public sealed record TopProduct(Guid ProductId, string Sku, string Name, int Quantity, int Orders, Money Revenue);
