using CrmBot.Domain.Proactive;

namespace CrmBot.Benchmarks;

/// <summary>
/// One run of the reminders scenario, read from the database once the bot was stopped: the ledger's deliveries and the
/// messages in the reps' chats, and the server's cost. Times come from the ledger's own timestamps, not from polling.
/// </summary>
internal sealed record ReminderRunOutcome(
    int Reminders,
    DateTimeOffset DueAt,
    bool Settled,
    IReadOnlyList<ProactiveDelivery> Deliveries,
    IReadOnlyDictionary<Guid, int> MessagesPerReminder,
    TimeSpan ServerProcessorTime,
    long ServerPeakWorkingSetBytes,
    ReminderKill? Kill)
{
    public int DeliveredOnce => MessagesPerReminder.Values.Count(messages => messages == 1);

    /// <summary>Reminders whose card reached the chat more than once: the figure that must be 0.</summary>
    public int DeliveredMoreThanOnce => MessagesPerReminder.Values.Count(messages => messages > 1);

    public int NotDelivered => Reminders - MessagesPerReminder.Count;

    /// <summary>Claims the kill left in Sending whose message nevertheless reached the chat.</summary>
    public int OrphanedClaimsDelivered => Kill?.OrphanedClaims.Count(MessagesPerReminder.ContainsKey) ?? 0;

    public IEnumerable<BenchmarkFigure> Figures(string run)
    {
        var sent = Deliveries.Where(d => d.SentAt is not null).Select(d => d.SentAt!.Value).ToList();
        var lastSent = sent.DefaultIfEmpty(DueAt).Max();
        List<BenchmarkFigure> figures =
        [
            new($"{run}: first delivery after due", (sent.DefaultIfEmpty(DueAt).Min() - DueAt).TotalSeconds, "s"),
            new($"{run}: all settled after due", Settled ? (lastSent - DueAt).TotalSeconds : double.NaN, "s"),
            Rate(run, Kill is null ? Deliveries : [.. Deliveries.Where(d => d.ClaimedAt >= Kill.RestartedAt)], Kill is null ? "" : " after the restart"),
            new($"{run}: reminders delivered once", DeliveredOnce, "reminders"),
            new($"{run}: reminders delivered twice or more", DeliveredMoreThanOnce, "reminders"),
            new($"{run}: reminders not delivered", NotDelivered, "reminders"),
        ];
        figures.AddRange(Enum.GetValues<DeliveryStatus>().Select(status =>
            new BenchmarkFigure($"{run}: ledger {status}", Deliveries.Count(d => d.Status == status), "deliveries")));
        if (Kill is { } kill)
        {
            var afterRestart = sent.Where(at => at >= kill.RestartedAt).DefaultIfEmpty(kill.RestartedAt).ToList();
            figures.AddRange(
            [
                new($"{run}: sent before the kill", kill.SentBeforeKill, "deliveries"),
                new($"{run}: first delivery after the restart", (afterRestart.Min() - kill.RestartedAt).TotalSeconds, "s"),
                new($"{run}: all settled after the restart", Settled ? (afterRestart.Max() - kill.RestartedAt).TotalSeconds : double.NaN, "s"),
                new($"{run}: claims the kill left in Sending", kill.OrphanedClaims.Count, "deliveries"),
                new($"{run}: of those, in the rep's chat", OrphanedClaimsDelivered, "deliveries"),
            ]);
        }

        figures.AddRange(
        [
            new($"{run}: server processor time per delivery", sent.Count == 0 ? double.NaN : ServerProcessorTime.TotalMilliseconds / sent.Count, "ms"),
            new($"{run}: server peak working set", ServerPeakWorkingSetBytes / 1024.0 / 1024.0, "MiB"),
        ]);
        return figures;
    }

    /// <summary>Messages sent per second from the first claim to the last send of <paramref name="deliveries"/>.</summary>
    private static BenchmarkFigure Rate(string run, IReadOnlyList<ProactiveDelivery> deliveries, string when)
    {
        var sent = deliveries.Where(d => d.SentAt is not null).ToList();
        var span = sent.Count == 0 ? TimeSpan.Zero : sent.Max(d => d.SentAt!.Value) - deliveries.Min(d => d.ClaimedAt);
        return new($"{run}: deliveries, first claim to last sent{when}", sent.Count == 0 ? double.NaN : sent.Count / span.TotalSeconds, "deliveries/s");
    }
}
