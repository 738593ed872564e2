namespace CrmBot.Benchmarks;

/// <summary>Latency percentiles in milliseconds (nearest-rank).</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = milliseconds.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    public IEnumerable<BenchmarkFigure> Figures(string what) =>
    [
        new($"{what} p50", P50, "ms"),
        new($"{what} p95", P95, "ms"),
        new($"{what} p99", P99, "ms"),
    ];

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
