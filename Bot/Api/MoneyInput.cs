using System.ComponentModel.DataAnnotations;
using CrmBot.Domain.Common;

namespace CrmBot.Api;

/// <summary>An amount of money in a request, e.g. { "amount": 12.50, "currency": "CNY" }.</summary>
public sealed record MoneyInput(
    [property: Required] decimal? Amount,
    [property: Required, StringLength(3, MinimumLength = 3)] string? Currency)
{
    public Money ToMoney() => new(Amount ?? 0m, Currency ?? string.Empty);
}
