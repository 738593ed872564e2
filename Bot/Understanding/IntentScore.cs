namespace CrmBot.Understanding;

/// <summary>How likely an intent is, from 0 to 1.</summary>
public sealed record IntentScore(Intent Intent, double Score);
