namespace CrmBot.Benchmarks;

/// <summary>The reminders scenario's options, as each of its runs uses them.</summary>
/// <param name="Reminders">Reminders due at the same time.</param>
/// <param name="Reps">Reps they are shared among, each in a web chat.</param>
/// <param name="Trigger">Reminders due at once and the job triggered, instead of due at the next minute for the minutely run.</param>
/// <param name="JobsPollInterval">The server's Jobs:PollInterval; null leaves the app's own.</param>
/// <param name="Timeout">How long a run waits for the deliveries to settle, after the reminders are added and again after a restart.</param>
internal sealed record ReminderRunSettings(int Reminders, int Reps, bool Trigger, TimeSpan? JobsPollInterval, TimeSpan Timeout);
