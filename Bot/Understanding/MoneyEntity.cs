using CrmBot.Domain.Common;

namespace CrmBot.Understanding;

/// <summary>
/// An amount of money. <see cref="Currency"/> is the ISO 4217 code when the user said one ("$5", "20 yuan",
/// "二十元"; "¥" is read as the shop's currency when that is CNY or JPY, else CNY), null for a bare number
/// that the intent makes an amount ("refund 20 on SO-10042").
/// </summary>
public sealed record MoneyEntity : RecognizedEntity
{
    public required decimal Amount { get; init; }

    public string? Currency { get; init; }

    /// <summary>The amount as domain money; a bare number is in the shop's currency.</summary>
    public Money ToMoney(string shopCurrency) => new(Amount, Currency ?? shopCurrency);
}
