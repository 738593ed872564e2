using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>
/// Scores customers with the current purchase model. PredictionEngine is not thread-safe, so each model comes with a
/// pool of engines; a newly trained model replaces the current one in one step, and a score in progress finishes on
/// the model it started with.
/// </summary>
public sealed class PurchasePredictor
{
    public const int TopFactors = 3;

    private static readonly System.Reflection.PropertyInfo[] Features =
        [.. PurchaseModelCandidate.FeatureNames.Select(name => typeof(CustomerFeatures).GetProperty(name)!)];

    private readonly MLContext _ml = new(seed: 1);
    private volatile Loaded? _current;

    /// <summary>The model in use, or null before one was loaded or trained.</summary>
    public PurchaseModelFile? Current => _current?.File;

    public MLContext Context => _ml;

    public void Use(PurchaseModelFile file, ITransformer? model)
    {
        ArgumentNullException.ThrowIfNull(file);
        ObjectPool<PredictionEngine<CustomerFeatures, PurchasePrediction>>? engines = model is null
            ? null
            : new DefaultObjectPoolProvider().Create(new EnginePolicy(_ml, model));
        _current = new Loaded(file, engines);
    }

    /// <summary>The customer's score, or null when no model has been loaded or trained yet.</summary>
    public PurchaseScore? Score(CustomerFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var current = _current;
        if (current is null)
        {
            return null;
        }

        if (current.Engines is null)
        {
            return FromBaseline(current.File.Baseline, features);
        }

        var engine = current.Engines.Get();
        try
        {
            var prediction = engine.Predict(features);
            var factors = prediction.FeatureContributions
                .Select((contribution, i) => new ScoreFactor(Features[i].Name, (float)Features[i].GetValue(features)!, contribution))
                .Where(f => f.Contribution != 0)
                .OrderByDescending(f => Math.Abs(f.Contribution))
                .Take(TopFactors)
                .ToList();
            return new PurchaseScore(Percent(prediction.Probability), prediction.Probability, FromBaseline: false, factors);
        }
        finally
        {
            current.Engines.Return(engine);
        }
    }

    /// <summary>The RFM baseline's score, its three parts as the factors (a part above the middle quintile pushes up).</summary>
    public static PurchaseScore FromBaseline(RfmBaseline baseline, CustomerFeatures features)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(features);
        var probability = baseline.Probability(features);
        var parts = baseline.Parts(features);
        ScoreFactor[] factors =
        [
            new(nameof(CustomerFeatures.DaysSinceLastOrder), features.DaysSinceLastOrder, parts.Recency - 3),
            new(nameof(CustomerFeatures.OrdersLast365Days), features.OrdersLast365Days, parts.Frequency - 3),
            new(nameof(CustomerFeatures.SpendLast365Days), features.SpendLast365Days, parts.Monetary - 3),
        ];
        return new PurchaseScore(Percent(probability), probability, FromBaseline: true, [.. factors.Where(f => f.Contribution != 0).OrderByDescending(f => Math.Abs(f.Contribution))]);
    }

    private static int Percent(double probability) => (int)Math.Round(Math.Clamp(probability, 0, 1) * 100);

    private sealed record Loaded(PurchaseModelFile File, ObjectPool<PredictionEngine<CustomerFeatures, PurchasePrediction>>? Engines);

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<CustomerFeatures, PurchasePrediction>>
    {
        public override PredictionEngine<CustomerFeatures, PurchasePrediction> Create() =>
            ml.Model.CreatePredictionEngine<CustomerFeatures, PurchasePrediction>(model);

        public override bool Return(PredictionEngine<CustomerFeatures, PurchasePrediction> obj) => true;
    }
}
