using System.Runtime.InteropServices;

namespace CrmBot.Benchmarks;

/// <summary>Where a benchmark ran: figures from a 2-core VM and a workstation are not comparable.</summary>
public sealed record BenchmarkMachine(int ProcessorCount, string OperatingSystem, string Runtime)
{
    public static BenchmarkMachine Current { get; } =
        new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
}
