using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>
/// The outcome of a training: the model kept (null when the RFM baseline is kept), the baseline fitted on the same
/// examples, how every candidate did on the validation month, and why no model was trained, if none was.
/// </summary>
public sealed record PurchaseModelTraining(
    DateTimeOffset Cutoff,
    TimeSpan Horizon,
    string Algorithm,
    ITransformer? Model,
    RfmBaseline Baseline,
    IReadOnlyList<ModelMetrics> Validation,
    int Examples,
    string? TooLittleHistory);
