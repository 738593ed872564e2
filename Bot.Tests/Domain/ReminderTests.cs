using CrmBot.Domain.Common;
using CrmBot.Domain.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Domain;

/// <summary>A rep's reminder can be snoozed into the future and closed once (done or cancelled).</summary>
public sealed class ReminderTests
{
    private static readonly Guid RepId = Guid.CreateVersion7();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    private Reminder CallZhangSanInAnHour() =>
        new(RepId, "Call 张三 about the tea order", _clock.GetUtcNow().AddHours(1), _clock.GetUtcNow());

    [Fact]
    public void SnoozingIntoThePastIsRefusedAndKeepsTheDueTime()
    {
        var reminder = CallZhangSanInAnHour();
        var due = reminder.DueAt;
        _clock.Advance(TimeSpan.FromHours(2));

        var error = Assert.Throws<DomainException>(() => reminder.Snooze(_clock.GetUtcNow().AddMinutes(-30), _clock.GetUtcNow()));

        Assert.Equal(("reminder.snooze_past", "A reminder can only be snoozed until a time in the future."), (error.Code, error.Message));
        Assert.Equal(due, reminder.DueAt);
    }

    [Fact]
    public void SnoozingUntilRightNowIsRefused()
    {
        var reminder = CallZhangSanInAnHour();

        Assert.Throws<DomainException>(() => reminder.Snooze(_clock.GetUtcNow(), _clock.GetUtcNow()));
    }

    [Fact]
    public void SnoozingIntoTheFutureMovesTheDueTime()
    {
        var reminder = CallZhangSanInAnHour();
        var tomorrow = _clock.GetUtcNow().AddDays(1);

        reminder.Snooze(tomorrow, _clock.GetUtcNow());

        Assert.Equal(tomorrow, reminder.DueAt);
        Assert.Equal(ReminderStatus.Open, reminder.Status);
    }

    [Fact]
    public void CompletingTwiceIsRefusedAndKeepsTheFirstCompletionTime()
    {
        var reminder = CallZhangSanInAnHour();
        _clock.Advance(TimeSpan.FromMinutes(70));
        reminder.Complete(_clock.GetUtcNow());
        var completedAt = reminder.CompletedAt;
        _clock.Advance(TimeSpan.FromMinutes(5));

        var error = Assert.Throws<DomainException>(() => reminder.Complete(_clock.GetUtcNow()));

        Assert.Equal("This reminder is already done, so it cannot be completed.", error.Message);
        Assert.Equal(ReminderStatus.Done, reminder.Status);
        Assert.Equal(completedAt, reminder.CompletedAt);
    }

    [Fact]
    public void ACancelledReminderCanNeitherBeCompletedNorSnoozed()
    {
        var reminder = CallZhangSanInAnHour();
        reminder.Cancel(_clock.GetUtcNow());

        var completing = Assert.Throws<DomainException>(() => reminder.Complete(_clock.GetUtcNow()));
        var snoozing = Assert.Throws<DomainException>(() => reminder.Snooze(_clock.GetUtcNow().AddDays(1), _clock.GetUtcNow()));

        Assert.Equal("This reminder is already cancelled, so it cannot be completed.", completing.Message);
        Assert.Equal("This reminder is already cancelled, so it cannot be snoozed.", snoozing.Message);
    }

    [Fact]
    public void AReminderNeedsText()
    {
        var error = Assert.Throws<DomainException>(() => new Reminder(RepId, " ", _clock.GetUtcNow().AddHours(1), _clock.GetUtcNow()));

        Assert.Equal("Reminder text is required.", error.Message);
    }
}
