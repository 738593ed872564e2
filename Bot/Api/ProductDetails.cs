using CrmBot.Domain.Products;

namespace CrmBot.Api;

/// <summary>A product of the catalogue and how many are in stock.</summary>
public sealed record ProductDetails(string Sku, string Name, MoneyAmount Price, int Stock)
{
    public static ProductDetails Of(Product product) => new(product.Sku, product.Name, MoneyAmount.Of(product.Price), product.Stock);
}
