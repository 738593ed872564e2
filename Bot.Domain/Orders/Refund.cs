using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

public sealed class Refund : Entity
{
    private Refund()
    {
    }

    internal Refund(Money amount, string reason, DateTimeOffset refundedAt)
    {
        Amount = Guard.PositiveMoney(amount, "Refund amount");
        Reason = Guard.Required(reason, "Refund reason", 500);
        RefundedAt = refundedAt;
    }

    public Money Amount { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset RefundedAt { get; private set; }
}
