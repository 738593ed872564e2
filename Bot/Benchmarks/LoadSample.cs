namespace CrmBot.Benchmarks;

/// <summary>What one stretch of closed-loop load measured: how long it ran and every turn taken.</summary>
internal sealed record LoadSample(TimeSpan Elapsed, IReadOnlyList<TurnOutcome> Turns);
