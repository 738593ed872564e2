using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

public sealed class Payment : Entity
{
    private Payment()
    {
    }

    internal Payment(Money amount, string method, string? reference, DateTimeOffset paidAt)
    {
        Amount = amount;
        Method = Guard.Required(method, "Payment method", 50);
        Reference = Guard.Optional(reference, "Payment reference", 100);
        PaidAt = paidAt;
    }

    public Money Amount { get; private set; }

    /// <summary>How the customer paid, e.g. card, alipay, wechat, bank transfer.</summary>
    public string Method { get; private set; } = string.Empty;

    public string? Reference { get; private set; }

    public DateTimeOffset PaidAt { get; private set; }
}
