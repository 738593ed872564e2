using System.CommandLine;

namespace CrmBot.Benchmarks;

/// <summary>
/// Something <c>CrmBot bench &lt;name&gt;</c> measures. The runner times it, adds the process's peak working set,
/// prints the figures and writes them as JSON; the scenario only does the work and reports what it measured.
/// </summary>
public interface IBenchmarkScenario
{
    /// <summary>The subcommand, e.g. "domain".</summary>
    string Name { get; }

    /// <summary>One or two sentences for --help.</summary>
    string Description { get; }

    /// <summary>The scenario's own options (e.g. --customers 10000); read them with <see cref="BenchmarkContext.GetValue{T}"/>.</summary>
    IReadOnlyList<Option> Options => [];

    Task<BenchmarkResult> RunAsync(BenchmarkContext context);
}
