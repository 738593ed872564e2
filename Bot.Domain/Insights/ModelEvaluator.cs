using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>Scores of a model against what happened: ML.NET's binary metrics and a ten-bin reliability table.</summary>
public static class ModelEvaluator
{
    private const int Bins = 10;

    /// <summary>A scored view with Label, Score, Probability and PredictedLabel columns, as a calibrated binary model outputs.</summary>
    public static ModelMetrics Evaluate(MLContext ml, string model, IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var metrics = ml.BinaryClassification.Evaluate(scored);
        var rows = ml.Data.CreateEnumerable<ScoredExample>(scored, reuseRowObject: false).ToList();
        var calibration = rows
            .GroupBy(r => Math.Min(Bins - 1, (int)(r.Probability * Bins)))
            .OrderBy(bin => bin.Key)
            .Select(bin => new CalibrationBin(
                bin.Key / (double)Bins,
                (bin.Key + 1) / (double)Bins,
                bin.Count(),
                bin.Average(r => (double)r.Probability),
                bin.Count(r => r.Label) / (double)bin.Count()))
            .ToList();
        return new ModelMetrics(
            model,
            metrics.AreaUnderRocCurve,
            metrics.AreaUnderPrecisionRecallCurve,
            metrics.LogLoss,
            rows.Count,
            rows.Count == 0 ? 0 : rows.Count(r => r.Label) / (double)rows.Count,
            calibration);
    }

    /// <summary>What a probability-only scorer (the RFM baseline) looks like to ML.NET's evaluator.</summary>
    public static IDataView Scored(MLContext ml, IEnumerable<(bool Label, double Probability)> rows)
    {
        ArgumentNullException.ThrowIfNull(ml);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredExample
        {
            Label = r.Label,
            Probability = (float)r.Probability,
            Score = (float)r.Probability,
            PredictedLabel = r.Probability >= 0.5,
        }));
    }
}
