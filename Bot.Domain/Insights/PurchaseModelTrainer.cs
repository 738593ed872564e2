using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>
/// Trains the purchase model as of a cutoff: every candidate (and the RFM baseline) learns from monthly snapshots
/// before the latest one and is judged on that latest snapshot, which none of them saw (a split in time, as the model
/// will be used); the best by ROC-AUC is then trained again on every snapshot. With too little history it says so
/// and keeps the RFM baseline.
/// </summary>
public sealed class PurchaseModelTrainer(PurchaseModelOptions options)
{
    /// <summary>Fewer customers who ordered than this in either part of the split is too little to learn from.</summary>
    public const int MinimumPositives = 20;

    public PurchaseModelTraining Train(IReadOnlyList<CustomerHistory> histories, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var ml = new MLContext(seed: 1);
        var moments = TrainingSet.MomentsBefore(cutoff, options.Horizon, options.Snapshots);
        var validation = TrainingSet.At(histories, moments.Take(1), options.Horizon);
        var training = TrainingSet.At(histories, moments.Skip(1), options.Horizon);
        var all = training.Concat(validation).ToList();

        if (Math.Min(training.Count(e => e.Label), validation.Count(e => e.Label)) < MinimumPositives)
        {
            var reason = $"Too little history to train a model as of {cutoff:yyyy-MM-dd}: {training.Count(e => e.Label)} orders followed a snapshot " +
                $"in the training months and {validation.Count(e => e.Label)} in the validation month; at least {MinimumPositives} each are needed. " +
                "Scores come from the RFM baseline until then.";
            return new PurchaseModelTraining(cutoff, options.Horizon, RfmBaseline.Name, null, RfmBaseline.Fit(all), [], all.Count, reason);
        }

        var trainingView = ml.Data.LoadFromEnumerable(training);
        var validationView = ml.Data.LoadFromEnumerable(validation);
        var compared = PurchaseModelCandidate.All
            .Select(candidate => ModelEvaluator.Evaluate(ml, candidate.Name, candidate.Fit(ml, trainingView, explain: false).Transform(validationView)))
            .Append(Baseline(ml, RfmBaseline.Fit(training), validation))
            .ToList();

        var best = compared.MaxBy(m => m.Auc)!;
        var baseline = RfmBaseline.Fit(all);
        var model = PurchaseModelCandidate.All.FirstOrDefault(c => c.Name == best.Model)?.Fit(ml, ml.Data.LoadFromEnumerable(all), explain: true);
        return new PurchaseModelTraining(cutoff, options.Horizon, best.Model, model, baseline, compared, all.Count, null);
    }

    /// <summary>The RFM baseline's metrics on examples it was not fitted on.</summary>
    public static ModelMetrics Baseline(MLContext ml, RfmBaseline baseline, IReadOnlyList<CustomerFeatures> examples)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return ModelEvaluator.Evaluate(ml, RfmBaseline.Name, ModelEvaluator.Scored(ml, examples.Select(e => (e.Label, baseline.Probability(e)))));
    }
}
