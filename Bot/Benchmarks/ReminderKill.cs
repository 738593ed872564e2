namespace CrmBot.Benchmarks;

/// <summary>
/// Where the kill run's server was killed: how many reminders it had sent, the reminders it had claimed and not recorded
/// as sent (the message may or may not have gone out), and when the server was started again on the same data.
/// </summary>
internal sealed record ReminderKill(int SentBeforeKill, IReadOnlyList<Guid> OrphanedClaims, DateTimeOffset RestartedAt);
