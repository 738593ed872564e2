using CsvHelper;
using Microsoft.ML;

namespace CrmBot.Domain.Insights;

/// <summary>
/// How the model would have done: trained only on what was known at an as-of date, it scores every customer who had
/// joined by then, and the scores are compared with who actually ordered in the horizon after it.
/// </summary>
public static class PurchaseModelEvaluation
{
    public static PurchaseModelEvaluationResult Run(IReadOnlyList<CustomerHistory> histories, DateTimeOffset asOf, PurchaseModelOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(options);
        var customers = histories.Where(h => h.CreatedAt < asOf).ToList();
        var test = customers.Select(h => CustomerFeatureExtractor.Labelled(h, asOf, options.Horizon)).ToList();
        var ordered = test.Count(e => e.Label);
        if (ordered == 0 || ordered == test.Count)
        {
            throw new InvalidOperationException(
                $"Of the {test.Count} customers known on {asOf:yyyy-MM-dd}, {(ordered == 0 ? "none" : "all")} ordered in the {options.HorizonDays} days after it, " +
                "so there is nothing to tell apart: choose an as-of date with orders after it.");
        }

        var training = new PurchaseModelTrainer(options).Train(histories, asOf);
        var ml = new MLContext(seed: 1);

        var baselineTest = PurchaseModelTrainer.Baseline(ml, training.Baseline, test);
        var probabilities = training.Model is null
            ? test.Select(training.Baseline.Probability).ToList()
            : [.. ml.Data.CreateEnumerable<ScoredExample>(training.Model.Transform(ml.Data.LoadFromEnumerable(test)), reuseRowObject: false).Select(s => (double)s.Probability)];
        var modelTest = ModelEvaluator.Evaluate(ml, training.Algorithm, ModelEvaluator.Scored(ml, test.Select((e, i) => (e.Label, probabilities[i]))));

        var scores = customers
            .Select((h, i) => new CustomerScoreRow(h.ExternalId ?? h.CustomerId.ToString(), (int)Math.Round(probabilities[i] * 100), test[i].Label ? 1 : 0))
            .ToList();
        return new PurchaseModelEvaluationResult(
            new PurchaseModelReport(
                asOf,
                options.HorizonDays,
                training.Algorithm,
                modelTest.Auc,
                modelTest.PrAuc,
                modelTest.LogLoss,
                baselineTest.Auc,
                baselineTest.PrAuc,
                test.Count,
                modelTest.PositiveRate,
                asOf + options.Horizon > now,
                training.TooLittleHistory,
                training.Validation,
                [modelTest, baselineTest]),
            scores);
    }
}

/// <summary>What <c>evaluate</c> writes to report.json (snake_case keys: auc, pr_auc, baseline_auc, customers ...).</summary>
public sealed record PurchaseModelReport(
    DateTimeOffset AsOf,
    int HorizonDays,
    string Model,
    double Auc,
    double PrAuc,
    double LogLoss,
    double BaselineAuc,
    double BaselinePrAuc,
    int Customers,
    double PositiveRate,
    bool LabelsIncomplete,
    string? TooLittleHistory,
    IReadOnlyList<ModelMetrics> Validation,
    IReadOnlyList<ModelMetrics> Test);

/// <summary>One customer's score at the as-of date and whether they then ordered (1) or not (0): a line of scores.csv.</summary>
[CsvRecord]
public sealed partial record CustomerScoreRow([CsvColumn("external_id")] string ExternalId, [CsvColumn("score")] int Score, [CsvColumn("label")] int Label);

public sealed record PurchaseModelEvaluationResult(PurchaseModelReport Report, IReadOnlyList<CustomerScoreRow> Scores);
