namespace CrmBot.Domain.Insights;

/// <summary>
/// What is stored beside a trained model (its JSON file): which algorithm, as of when, how it did on the validation
/// month against the others, and the RFM baseline it falls back on.
/// </summary>
public sealed record PurchaseModelFile(
    string Version,
    string Algorithm,
    DateTimeOffset TrainedAt,
    DateTimeOffset Cutoff,
    int HorizonDays,
    int Examples,
    IReadOnlyList<string> Features,
    IReadOnlyList<ModelMetrics> Validation,
    RfmBaseline Baseline,
    string? TooLittleHistory)
{
    /// <summary>True when scores come from the RFM baseline (no model was kept).</summary>
    public bool IsBaseline => Algorithm == RfmBaseline.Name;
}
