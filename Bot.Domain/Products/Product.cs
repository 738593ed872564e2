using CrmBot.Domain.Common;

namespace CrmBot.Domain.Products;

public sealed class Product : Entity
{
    private Product()
    {
    }

    public Product(string sku, string name, Money price, int stock)
    {
        Sku = Guard.Required(sku, "SKU", 64).ToUpperInvariant();
        Name = Guard.Required(name, "Product name", 200);
        Price = Guard.PositiveMoney(price, "Price");
        Stock = Guard.NotNegative(stock, "Stock");
    }

    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Money Price { get; private set; }

    /// <summary>Units on hand and not reserved by a placed order.</summary>
    public int Stock { get; private set; }

    public void ChangePrice(Money price)
    {
        if (price.Currency != Price.Currency)
        {
            throw new DomainException("product.currency", $"{Sku} is priced in {Price.Currency}; a new price must be in {Price.Currency} too.");
        }

        Price = Guard.PositiveMoney(price, "Price");
    }

    public void Restock(int quantity) => Stock += Guard.Positive(quantity, "Quantity");

    public void SetStock(int stock) => Stock = Guard.NotNegative(stock, "Stock");

    internal void Reserve(int quantity)
    {
        EnsureAvailable(quantity);
        Stock -= quantity;
    }

    internal void EnsureAvailable(int quantity)
    {
        Guard.Positive(quantity, "Quantity");
        if (quantity > Stock)
        {
            throw new DomainException("product.out_of_stock", Stock == 0
                ? $"{Name} ({Sku}) is out of stock."
                : $"Only {Stock} of {Name} ({Sku}) left in stock; {quantity} were asked for.");
        }
    }

    internal void Release(int quantity) => Stock += Guard.Positive(quantity, "Quantity");
}
