using System.CommandLine;
using CrmBot.Benchmarks;

namespace CrmBot.Tests.Cli;

/// <summary>A scenario that reports what it was given, for testing the bench command and runner.</summary>
internal sealed class FakeScenario : IBenchmarkScenario
{
    public static readonly Option<int> Size = new("--size") { Description = "How much fake work.", DefaultValueFactory = _ => 1 };

    public string Name => "fake";

    public string Description => "Pretends to measure something.";

    public IReadOnlyList<Option> Options => [Size];

    public int? SizeSeen { get; private set; }

    public Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        SizeSeen = context.GetValue(Size);
        BenchmarkResult result = new([new("throughput", 1234.5, "req/s"), new("p99 latency at 8 connections", 12.25, "ms")])
        {
            Parameters = new Dictionary<string, string> { ["size"] = $"{SizeSeen}" },
        };
        return Task.FromResult(result);
    }
}
