using CrmBot.Domain.Common;

namespace CrmBot.Domain.Reminders;

/// <summary>Something a rep wants to be reminded of at a given time, optionally about a customer or order.</summary>
public sealed class Reminder : Entity
{
    private Reminder()
    {
    }

    public Reminder(Guid repId, string text, DateTimeOffset dueAt, DateTimeOffset now, Guid? customerId = null, Guid? orderId = null)
    {
        RepId = repId;
        Text = Guard.Required(text, "Reminder text", 1000);
        DueAt = dueAt;
        CustomerId = customerId;
        OrderId = orderId;
        CreatedAt = now;
    }

    public Guid RepId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? OrderId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset DueAt { get; private set; }

    public ReminderStatus Status { get; private set; } = ReminderStatus.Open;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public void Complete(DateTimeOffset now)
    {
        EnsureOpen("completed");
        Status = ReminderStatus.Done;
        CompletedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        EnsureOpen("cancelled");
        Status = ReminderStatus.Cancelled;
        CompletedAt = now;
    }

    public void Snooze(DateTimeOffset until, DateTimeOffset now)
    {
        EnsureOpen("snoozed");
        if (until <= now)
        {
            throw new DomainException("reminder.snooze_past", "A reminder can only be snoozed until a time in the future.");
        }

        DueAt = until;
    }

    private void EnsureOpen(string verb)
    {
        if (Status != ReminderStatus.Open)
        {
            throw new DomainException("reminder.closed", $"This reminder is already {Status.ToString().ToLowerInvariant()}, so it cannot be {verb}.");
        }
    }
}
