using CrmBot.Domain.Reminders;

namespace CrmBot.Api;

/// <summary>A rep's reminder about a customer.</summary>
public sealed record ReminderDetails(
    Guid Id, Guid RepId, Guid? CustomerId, string Text, DateTimeOffset DueAt, ReminderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static ReminderDetails Of(Reminder reminder) => new(
        reminder.Id, reminder.RepId, reminder.CustomerId, reminder.Text, reminder.DueAt, reminder.Status, reminder.CreatedAt, reminder.CompletedAt);
}
