namespace CrmBot.Api;

/// <summary>A product on an order, with the name and price it had when ordered.</summary>
public sealed record OrderLineDetails(string Sku, string ProductName, MoneyAmount UnitPrice, int Quantity, MoneyAmount LineTotal);
