using Bogus;

namespace CrmBot.Domain.DemoData;

/// <summary>Weighted choices, chances and waiting times for the demo generator.</summary>
/// <remarks>Bogus' own WeightedRandom expects weights that add up to 1; these take any positive weights.</remarks>
internal static class DemoRandom
{
    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items, IReadOnlyList<float> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var roll = random.Double() * total;
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    public static bool Chance(this Randomizer random, double probability) => random.Double() < probability;

    /// <summary>A waiting time with the given mean, as between independent events (exponentially distributed).</summary>
    public static double Exponential(this Randomizer random, double mean) => -Math.Log(1 - random.Double()) * mean;
}
