namespace CrmBot.Domain.Insights;

/// <summary>
/// A customer's chance of ordering within the horizon, 0-100, with the facts that pushed it up or down most, and
/// whether it is the RFM baseline's (no model trained yet) rather than the model's.
/// </summary>
public sealed record PurchaseScore(int Score, double Probability, bool FromBaseline, IReadOnlyList<ScoreFactor> Factors);

/// <summary>A feature of the customer, its value, and how much (and which way) it moved the score.</summary>
public sealed record ScoreFactor(string Feature, float Value, float Contribution);
