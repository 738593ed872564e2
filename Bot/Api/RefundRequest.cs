using System.ComponentModel.DataAnnotations;

namespace CrmBot.Api;

/// <summary>A refund of part or all of what was paid, and why.</summary>
public sealed record RefundRequest(
    [property: Required] MoneyInput? Amount,
    [property: Required, StringLength(500)] string? Reason);
