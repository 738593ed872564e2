using Bogus;

namespace CrmBot.Domain.DemoData;

/// <summary>Weighted choices, chances and waiting times for the demo generator.</summary>
internal static class DemoRandom
{
    /// <summary>One of <paramref name="items"/>, each as likely as its weight; weights need not add up to 1.</summary>
    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items, IReadOnlyList<float> weights)
    {
        var total = weights.Sum();
        return random.WeightedRandom(items.ToArray(), weights.Select(w => w / total).ToArray());
    }

    public static bool Chance(this Randomizer random, double probability) => random.Double() < probability;

    /// <summary>A waiting time with the given mean, as between independent events (exponentially distributed).</summary>
    public static double Exponential(this Randomizer random, double mean) => -Math.Log(1 - random.Double()) * mean;
}
