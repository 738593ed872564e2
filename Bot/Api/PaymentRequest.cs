using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A payment that settles an order: its whole total, how it was paid (card, alipay, wechat, bank transfer...) and the payment's reference.</summary>
public sealed record PaymentRequest(
    [property: Required] MoneyInput? Amount,
    [property: Required, StringLength(50)] string? Method,
    [property: StringLength(100)] string? Reference = null);
