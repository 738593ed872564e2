namespace CrmBot.Domain.Privacy;

public sealed record ExportedOrderLine(string Sku, string ProductName, ExportedMoney UnitPrice, int Quantity, ExportedMoney LineTotal);
