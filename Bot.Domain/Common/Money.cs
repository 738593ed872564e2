using System.Globalization;

namespace CrmBot.Domain.Common;

/// <summary>
/// An amount in one currency (ISO 4217). Money is decimal, never float. <see cref="ToString()"/> is the invariant form
/// machines read ("1288.00 CNY"); formatting with a culture (string.Format, interpolation, localized resources) gives
/// the form a person reads there: the culture's own currency with its symbol ("¥1,288.00" in zh-CN), any other with
/// the culture's grouping and the ISO code ("1,288.00 CNY" in en-US), so a yuan is never mistaken for a yen or a dollar.
/// </summary>
public readonly record struct Money : IFormattable
{
    /// <summary>Amounts are kept to four decimal places: enough for every currency's minor unit.</summary>
    public const int MaxDecimals = 4;

    /// <summary>Far above any order, and safely inside what the database stores.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly string[] CurrencyFormats = [.. Enumerable.Range(0, MaxDecimals + 1).Select(decimals => $"C{decimals}")];

    private static readonly string[] NumberFormats = [.. Enumerable.Range(0, MaxDecimals + 1).Select(decimals => $"N{decimals}")];

    public Money(decimal amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(currency) || currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            throw new DomainException("money.currency", $"'{currency}' is not a currency code (use three letters, e.g. CNY).");
        }

        if (decimal.Round(amount, MaxDecimals) != amount)
        {
            throw new DomainException("money.precision", $"{amount.ToString(CultureInfo.InvariantCulture)} has more than {MaxDecimals} decimal places.");
        }

        if (Math.Abs(amount) > MaxAmount)
        {
            throw new DomainException("money.too_large", $"{amount.ToString(CultureInfo.InvariantCulture)} is more than the largest amount CrmBot handles ({MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}).");
        }

        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    public decimal Amount { get; init; }

    public string Currency { get; init; }

    public static Money Zero(string currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator *(Money money, int quantity) => new(money.Amount * quantity, money.Currency);

    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(int quantity) => this * quantity;

    public static int Compare(Money left, Money right)
    {
        SameCurrency(left, right);
        return left.Amount.CompareTo(right.Amount);
    }

    public override string ToString() => Invariant();

    /// <summary>The amount as read in <paramref name="provider"/>'s culture (the current culture when null); the invariant culture gives <see cref="ToString()"/>.</summary>
    public string ToString(IFormatProvider? provider) => ToString(null, provider);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!string.IsNullOrEmpty(format) && format != "G")
        {
            throw new FormatException($"Money has only the general format (G), not '{format}'.");
        }

        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        if (culture.Equals(CultureInfo.InvariantCulture))
        {
            return Invariant();
        }

        // The precision of "C" and "N" is the number of decimals: the culture's own format needs no copy.
        return IsCurrencyOf(culture)
            ? Amount.ToString(CurrencyFormats[Decimals], culture)
            : $"{Amount.ToString(NumberFormats[Decimals], culture)} {Currency}";
    }

    private string Invariant() => $"{Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>Two decimals, or up to <see cref="MaxDecimals"/> when the amount has them.</summary>
    private int Decimals
    {
        get
        {
            var decimals = MaxDecimals;
            while (decimals > 2 && decimal.Round(Amount, decimals - 1) == Amount)
            {
                decimals--;
            }

            return decimals;
        }
    }

    private bool IsCurrencyOf(CultureInfo culture)
    {
        if (culture.IsNeutralCulture)
        {
            return false;
        }

        try
        {
            return string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, Currency, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            // A culture .NET knows no region for (a custom one) has no currency of its own to abbreviate.
            return false;
        }
    }

    private static string SameCurrency(Money left, Money right) =>
        string.Equals(left.Currency, right.Currency, StringComparison.Ordinal)
            ? left.Currency
            : throw new DomainException("money.currency_mismatch", $"Cannot combine {left.Currency} with {right.Currency}.");
}
