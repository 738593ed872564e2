namespace CrmBot.Domain.Insights;

/// <summary>
/// The model's examples: every customer at several past moments, with features from before each moment and the label
/// from the horizon after it. Moments step back monthly from a cutoff, and only those whose horizon ended by the
/// cutoff are used, so everything a model learns from was known at the cutoff.
/// </summary>
public static class TrainingSet
{
    public static readonly TimeSpan Step = TimeSpan.FromDays(30);

    /// <summary>The moments before a cutoff whose labels are complete by then, the latest first.</summary>
    public static IReadOnlyList<DateTimeOffset> MomentsBefore(DateTimeOffset cutoff, TimeSpan horizon, int count) =>
        [.. Enumerable.Range(0, count).Select(k => cutoff - horizon - (k * Step))];

    /// <summary>Each customer who had joined by a moment, at that moment, labelled.</summary>
    public static List<CustomerFeatures> At(IReadOnlyList<CustomerHistory> histories, IEnumerable<DateTimeOffset> moments, TimeSpan horizon) =>
        [.. moments.SelectMany(moment => histories
            .Where(h => h.CreatedAt < moment)
            .Select(h => CustomerFeatureExtractor.Labelled(h, moment, horizon)))];
}
