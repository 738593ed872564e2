using CrmBot.Domain.Common;
using CrmBot.Domain.Products;

namespace CrmBot.Tests.Domain;

/// <summary>A product has a SKU, a name, a price above zero and a stock that is never negative.</summary>
public sealed class ProductValidationTests
{
    private static readonly Money TenYuan = new(10m, "CNY");

    [Fact]
    public void NegativeStockIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Product("TEA-1", "Longjing tea", TenYuan, -1));

        Assert.Equal(("validation.not_negative", "Stock cannot be negative (got -1)."), (error.Code, error.Message));
    }

    [Fact]
    public void SettingStockBelowZeroIsRefusedAndKeepsTheOldStock()
    {
        var product = new Product("TEA-1", "Longjing tea", TenYuan, 7);

        Assert.Throws<DomainException>(() => product.SetStock(-3));

        Assert.Equal(7, product.Stock);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    public void APriceOfZeroOrLessIsRefused(string amount)
    {
        var price = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "CNY");

        var error = Assert.Throws<DomainException>(() => new Product("TEA-1", "Longjing tea", price, 10));

        Assert.Equal(("validation.positive", $"Price must be greater than zero (got {price})."), (error.Code, error.Message));
    }

    [Fact]
    public void ChangingThePriceToZeroOrToAnotherCurrencyIsRefusedAndKeepsTheOldPrice()
    {
        var product = new Product("TEA-1", "Longjing tea", TenYuan, 10);

        var zero = Assert.Throws<DomainException>(() => product.ChangePrice(Money.Zero("CNY")));
        var dollars = Assert.Throws<DomainException>(() => product.ChangePrice(new Money(2m, "USD")));

        Assert.Equal("validation.positive", zero.Code);
        Assert.Equal("TEA-1 is priced in CNY; a new price must be in CNY too.", dollars.Message);
        Assert.Equal(TenYuan, product.Price);
    }

    [Theory]
    [InlineData("", "Longjing tea", "SKU is required.")]
    [InlineData("TEA-1", "  ", "Product name is required.")]
    public void ASkuAndANameAreRequired(string sku, string name, string message)
    {
        var error = Assert.Throws<DomainException>(() => new Product(sku, name, TenYuan, 1));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void SkusAreTrimmedAndKeptInCapitals()
    {
        var product = new Product("  tea-1 ", "Longjing tea", TenYuan, 1);

        Assert.Equal("TEA-1", product.Sku);
    }

    [Fact]
    public void RestockingNothingIsRefused()
    {
        var product = new Product("TEA-1", "Longjing tea", TenYuan, 4);

        var error = Assert.Throws<DomainException>(() => product.Restock(0));

        Assert.Equal("Quantity must be greater than zero (got 0).", error.Message);
        Assert.Equal(4, product.Stock);
    }
}
