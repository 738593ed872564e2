namespace CrmBot.Benchmarks;

/// <summary>One posted activity: how long until the whole response was read, its size, and what was wrong (null when the reply was the expected one).</summary>
internal sealed record TurnOutcome(double Milliseconds, int RequestBytes, int ResponseBytes, string? Error);
