using CrmBot.Domain.Common;

namespace CrmBot.Domain.Privacy;

public sealed record ExportedMoney(decimal Amount, string Currency)
{
    public static ExportedMoney Of(Money money) => new(money.Amount, money.Currency);
}
