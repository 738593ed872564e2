namespace CrmBot.Domain.Privacy;

public sealed record ExportedRefund(ExportedMoney Amount, string Reason, DateTimeOffset RefundedAt);
