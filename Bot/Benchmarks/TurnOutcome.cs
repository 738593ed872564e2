namespace CrmBot.Benchmarks;

/// <summary>
/// One posted activity: how long until the whole response was read, its size, what was wrong (null when the reply was
/// the expected one), and the step of the visitor's script it was, where there is one.
/// </summary>
internal sealed record TurnOutcome(double Milliseconds, int RequestBytes, int ResponseBytes, string? Error, string? Step = null);
