namespace CrmBot.Domain.Insights;

/// <summary>What the kept model outputs for a customer (public: ML.NET fills it by reflection).</summary>
public sealed class PurchasePrediction
{
    public float Probability { get; set; }

    public float Score { get; set; }

    /// <summary>Each feature's push on the score, in the order of <see cref="PurchaseModelCandidate.FeatureNames"/>.</summary>
    public float[] FeatureContributions { get; set; } = [];
}
