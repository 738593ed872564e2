namespace CrmBot.Domain.Privacy;

public sealed record ExportedPayment(ExportedMoney Amount, string Method, string? Reference, DateTimeOffset PaidAt);
