namespace CrmBot.Domain.Insights;

/// <summary>
/// The plain RFM score every model must beat, and the fallback when history is too short to train one: recency,
/// frequency and monetary value (last 365 days) each ranked 1-5 by quintiles of the customers it was fitted on; the
/// sum (3-15) stands for the share of those customers with that sum who went on to order.
/// </summary>
public sealed record RfmBaseline(float[] RecencyCuts, float[] FrequencyCuts, float[] MonetaryCuts, double[] RateByPoints)
{
    public const string Name = "RFM baseline";

    private static readonly double[] Quintiles = [0.2, 0.4, 0.6, 0.8];

    public static RfmBaseline Fit(IReadOnlyList<CustomerFeatures> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var recency = Cuts(examples.Select(e => e.DaysSinceLastOrder));
        var frequency = Cuts(examples.Select(e => e.OrdersLast365Days));
        var monetary = Cuts(examples.Select(e => e.SpendLast365Days));
        var unfitted = new RfmBaseline(recency, frequency, monetary, new double[16]);
        var overall = examples.Count == 0 ? 0 : examples.Count(e => e.Label) / (double)examples.Count;
        var byPoints = examples.GroupBy(unfitted.Points).ToDictionary(g => g.Key, g => (Count: g.Count(), Positives: g.Count(e => e.Label)));
        // Shrunk towards the overall rate, so a sum seen a few times does not claim certainty.
        var rates = Enumerable.Range(0, 16).Select(points =>
            byPoints.TryGetValue(points, out var seen) ? (seen.Positives + (2 * overall)) / (seen.Count + 2) : overall).ToArray();
        return unfitted with { RateByPoints = rates };
    }

    /// <summary>3 (long ago, rarely, little) to 15 (lately, often, much).</summary>
    public int Points(CustomerFeatures features)
    {
        var (recency, frequency, monetary) = Parts(features);
        return recency + frequency + monetary;
    }

    /// <summary>Each part 1-5; recency 5 means the most recent fifth.</summary>
    public (int Recency, int Frequency, int Monetary) Parts(CustomerFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return (6 - Quintile(RecencyCuts, features.DaysSinceLastOrder), Quintile(FrequencyCuts, features.OrdersLast365Days), Quintile(MonetaryCuts, features.SpendLast365Days));
    }

    public double Probability(CustomerFeatures features) => RateByPoints[Points(features)];

    private static int Quintile(float[] cuts, float value) => 1 + cuts.Count(cut => value > cut);

    private static float[] Cuts(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? [0, 0, 0, 0] : [.. Quintiles.Select(q => sorted[(int)(q * (sorted.Length - 1))])];
    }
}
