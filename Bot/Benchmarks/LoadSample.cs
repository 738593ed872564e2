namespace CrmBot.Benchmarks;

/// <summary>What one stretch of closed-loop load measured: how long it ran, what it cost the process, and every turn taken.</summary>
internal sealed record LoadSample(TimeSpan Elapsed, LoadCost Cost, IReadOnlyList<TurnOutcome> Turns)
{
    public int Answered => Turns.Count(turn => turn.Error is null);
}
