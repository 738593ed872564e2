using CrmBot.Domain.Common;

namespace CrmBot.Api;

/// <summary>An amount of money as the API shows it: a decimal amount and an ISO 4217 currency.</summary>
public sealed record MoneyAmount(decimal Amount, string Currency)
{
    public static MoneyAmount Of(Money money) => new(money.Amount, money.Currency);
}
