using System.Diagnostics;

namespace CrmBot.Benchmarks;

/// <summary>Closed-loop load: every conversation takes its next turn as soon as the previous one is answered.</summary>
internal static class ClosedLoop
{
    /// <summary>Runs until <paramref name="duration"/> is over; turns under way then are finished and counted.</summary>
    public static async Task<LoadSample> RunAsync(IReadOnlyList<ILoadVisitor> conversations, TimeSpan duration, CancellationToken ct)
    {
        using var process = Process.GetCurrentProcess();
        var processorTime = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(conversations.Select(conversation => TakeTurnsAsync(conversation, started, duration, ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cost = new LoadCost(process.TotalProcessorTime - processorTime, GC.GetTotalAllocatedBytes() - allocated, GC.GetTotalPauseDuration() - paused);
        return new LoadSample(elapsed, cost, [.. outcomes.SelectMany(turns => turns)]);
    }

    private static async Task<List<TurnOutcome>> TakeTurnsAsync(
        ILoadVisitor conversation, long started, TimeSpan duration, CancellationToken ct)
    {
        var outcomes = new List<TurnOutcome>();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            outcomes.Add(await conversation.TakeTurnAsync(ct));
        }

        return outcomes;
    }
}
