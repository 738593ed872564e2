namespace CrmBot.Benchmarks;

/// <summary>Latency percentiles (nearest-rank), in milliseconds unless the figures say otherwise.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> timings)
    {
        if (timings.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = timings.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    public IEnumerable<BenchmarkFigure> Figures(string what, string unit = "ms") =>
    [
        new($"{what} p50", P50, unit),
        new($"{what} p95", P95, unit),
        new($"{what} p99", P99, unit),
    ];

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
