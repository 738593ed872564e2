using CrmBot.Domain.Reminders;

namespace CrmBot.Domain.Privacy;

/// <summary>A rep's reminder about the customer or one of their orders.</summary>
public sealed record ExportedReminder(
    Guid Id, Guid RepId, Guid? OrderId, string Text, DateTimeOffset DueAt, ReminderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);
