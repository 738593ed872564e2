using System.Globalization;
using CrmBot.Domain.Common;

namespace CrmBot.Tests.Domain;

/// <summary>Money is a decimal amount in one ISO 4217 currency, to at most four decimal places.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("C1Y")]
    [InlineData("ÄÖÜ")]
    [InlineData("人民币")]
    public void AnAmountNeedsAThreeLetterCurrencyCode(string currency)
    {
        var error = Assert.Throws<DomainException>(() => new Money(10m, currency));

        Assert.Equal("money.currency", error.Code);
        Assert.Equal($"'{currency}' is not a currency code (use three letters, e.g. CNY).", error.Message);
    }

    [Fact]
    public void CurrencyCodesAreKeptInCapitals()
    {
        var money = new Money(10m, "cny");

        Assert.Equal("CNY", money.Currency);
        Assert.Equal(new Money(10m, "CNY"), money);
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("1.23456")]
    [InlineData("-99.99999")]
    public void AnAmountWithMoreThanFourDecimalPlacesIsRefused(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => new Money(value, "CNY"));

        Assert.Equal("money.precision", error.Code);
        Assert.Equal($"{amount} has more than 4 decimal places.", error.Message);
    }

    [Theory]
    [InlineData("1.2345")]
    [InlineData("1.23450")]
    [InlineData("0.0001")]
    [InlineData("123456789.1234")]
    public void AnAmountWithUpToFourDecimalPlacesIsKeptExactly(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var money = new Money(value, "CNY");

        Assert.Equal(value, money.Amount);
    }

    [Theory]
    [InlineData("1000000000000.01")]
    [InlineData("-1000000000000.01")]
    [InlineData("79228162514264337593543950335")]
    public void AnAmountBeyondATrillionIsRefusedBeforeItCanOverflowTheDatabase(string amount)
    {
        var error = Assert.Throws<DomainException>(() => new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), "CNY"));

        Assert.Equal("money.too_large", error.Code);
    }

    [Fact]
    public void SumsAreExactWhereFloatingPointWouldNotBe()
    {
        var sum = new Money(0.1m, "CNY") + new Money(0.2m, "CNY");

        Assert.Equal(new Money(0.3m, "CNY"), sum);
        Assert.Equal(new Money(29.97m, "CNY"), new Money(9.99m, "CNY") * 3);
        Assert.Equal(new Money(1m, "CNY"), new Money(1.00m, "CNY"));
    }

    [Fact]
    public void AddingOrComparingTwoCurrenciesIsRefused()
    {
        var yuan = new Money(10m, "CNY");
        var dollars = new Money(10m, "USD");

        var adding = Assert.Throws<DomainException>(() => yuan + dollars);
        var comparing = Assert.Throws<DomainException>(() => yuan > dollars);

        Assert.Equal(("money.currency_mismatch", "Cannot combine CNY with USD."), (adding.Code, adding.Message));
        Assert.Equal("money.currency_mismatch", comparing.Code);
        Assert.NotEqual(yuan, dollars);
    }

    [Theory]
    [InlineData("90", "90.00 CNY")]
    [InlineData("1234.5", "1234.50 CNY")]
    [InlineData("0.0001", "0.0001 CNY")]
    [InlineData("-5.125", "-5.125 CNY")]
    public void MoneyReadsWithItsCurrencyAndAtLeastTwoDecimals(string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "CNY");

        Assert.Equal(expected, money.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("zh-CN", "1288", "CNY", "¥1,288.00")]
    [InlineData("zh-CN", "-1288.5", "CNY", "-¥1,288.50")]
    [InlineData("zh-CN", "0.0001", "CNY", "¥0.0001")]
    [InlineData("zh-CN", "88", "USD", "88.00 USD")]
    [InlineData("en-US", "1288", "CNY", "1,288.00 CNY")]
    [InlineData("en-US", "1234567.125", "CNY", "1,234,567.125 CNY")]
    [InlineData("en-US", "88", "USD", "$88.00")]
    [InlineData("en-GB", "88", "USD", "88.00 USD")]
    [InlineData("de-DE", "1288.5", "EUR", "1.288,50 €")]
    [InlineData("zh-Hans", "1288", "CNY", "1,288.00 CNY")]
    public void MoneyReadsInTheCultureWithItsSymbolOnlyWhereTheCurrencyIsTheCulturesOwn(string culture, string amount, string currency, string expected)
    {
        var money = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        Assert.Equal(expected, money.ToString(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void FormattedMoneyFollowsTheCurrentCultureAndTheInvariantCultureKeepsTheMachineForm()
    {
        var money = new Money(1288m, "CNY");
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");

            Assert.Equal("合计 ¥1,288.00", $"合计 {money}");
            Assert.Equal("Total 1,288.00 CNY", string.Format(CultureInfo.GetCultureInfo("en-US"), "Total {0}", money));
            Assert.Equal("Total 1288.00 CNY", string.Create(CultureInfo.InvariantCulture, $"Total {money}"));
            Assert.Equal("1288.00 CNY", ((object)money).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
