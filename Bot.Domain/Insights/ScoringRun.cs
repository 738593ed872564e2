namespace CrmBot.Domain.Insights;

/// <summary>How a scoring run went: how many customers it scored, the time it stored as their ScoredAt, and how long it took.</summary>
public sealed record ScoringRun(int Scored, DateTimeOffset ScoredAt, TimeSpan Duration);
