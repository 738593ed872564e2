using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>One product on an order, with the name and price it had when ordered.</summary>
public sealed class OrderLine : Entity
{
    private OrderLine()
    {
    }

    internal OrderLine(Guid productId, string sku, string productName, Money unitPrice, int quantity)
    {
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        UnitPrice = Guard.PositiveMoney(unitPrice, "Unit price");
        Quantity = Guard.Positive(quantity, "Quantity");
    }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string ProductName { get; private set; } = string.Empty;

    public Money UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public Money LineTotal => UnitPrice * Quantity;

    internal void AddQuantity(int quantity) => Quantity += Guard.Positive(quantity, "Quantity");
}
