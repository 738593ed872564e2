using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// The totals of the paid orders: their mean (the average order value), SAMPLE variance (divided by n - 1, so null
/// below two orders) and standard deviation. Mean and deviation are rounded to <see cref="Money.MaxDecimals"/>
/// places; the variance, in the currency squared, is not money and stays a decimal (rounded the same way).
/// </summary>
public sealed record OrderValueStatistics(int Orders, Money? Mean, decimal? SampleVariance, Money? StandardDeviation)
{
    public static OrderValueStatistics Of(IReadOnlyCollection<decimal> totals, string currency)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Count == 0)
        {
            return new(0, null, null, null);
        }

        var mean = totals.Sum() / totals.Count;
        var rounded = new Money(decimal.Round(mean, Money.MaxDecimals), currency);
        if (totals.Count < 2)
        {
            return new(totals.Count, rounded, null, null);
        }

        var variance = totals.Sum(t => (t - mean) * (t - mean)) / (totals.Count - 1);
        var deviation = (decimal)Math.Sqrt((double)variance);
        return new(totals.Count, rounded, decimal.Round(variance, Money.MaxDecimals), new Money(decimal.Round(deviation, Money.MaxDecimals), currency));
    }
}
