namespace CrmBot.Domain.Reminders;

public enum ReminderStatus
{
    Open,
    Done,
    Cancelled,
}
