namespace CrmBot.Benchmarks;

/// <summary>One simulated user of a closed-loop load: takes a turn when asked and says how it went.</summary>
internal interface ILoadVisitor
{
    Task<TurnOutcome> TakeTurnAsync(CancellationToken ct);
}
