using System.CommandLine;

namespace CrmBot.Benchmarks;

/// <summary>What a scenario gets from the command line: its options, somewhere to report progress, and Ctrl+C.</summary>
public sealed record BenchmarkContext(ParseResult ParseResult, TextWriter Output, CancellationToken CancellationToken)
{
    public T? GetValue<T>(Option<T> option) => ParseResult.GetValue(option);
}
