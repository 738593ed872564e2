namespace CrmBot.Domain.Insights;

/// <summary>One scored example as ML.NET's binary evaluator reads it (public: ML.NET builds it by reflection).</summary>
public sealed class ScoredExample
{
    public bool Label { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}
