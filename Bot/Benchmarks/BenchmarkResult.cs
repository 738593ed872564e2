namespace CrmBot.Benchmarks;

/// <summary>What a scenario measured, and the settings it measured with (connections, data size, database...).</summary>
public sealed record BenchmarkResult(IReadOnlyList<BenchmarkFigure> Figures)
{
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
