namespace CrmBot.Benchmarks;

/// <summary>A scenario's result with the run's context, as written to bench-results/&lt;scenario&gt;-&lt;timestamp&gt;.json.</summary>
public sealed record BenchmarkReport(
    string Scenario,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    long PeakWorkingSetBytes,
    BenchmarkMachine Machine,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<BenchmarkFigure> Figures);
