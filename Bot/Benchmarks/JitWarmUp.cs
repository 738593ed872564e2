using System.Runtime;

namespace CrmBot.Benchmarks;

/// <summary>
/// Runs a batch of the work until the JIT has settled: tiered compilation recompiles hot methods with optimisations only
/// after a quiet spell with no new methods, so a fixed number of warm-up turns may measure unoptimised code, the more
/// so on one core, where the runtime makes that spell ten times longer.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>A batch that compiles fewer methods than this counts as quiet.</summary>
    private const int QuietBatch = 10;

    /// <summary>Quiet batches in a row that end the warm-up.</summary>
    private const int QuietBatchesNeeded = 2;

    /// <summary>
    /// Repeats <paramref name="batch"/> until two batches in a row compile fewer than ten methods, at least
    /// <paramref name="minimumBatches"/> and at most <paramref name="maximumBatches"/> times. The methods compiled are
    /// the whole process's (<see cref="JitInfo.GetCompiledMethodCount"/>) unless <paramref name="compiledMethods"/> counts them.
    /// </summary>
    public static async Task<JitWarmUpOutcome> RunAsync(
        Func<Task> batch, Func<long>? compiledMethods = null, int minimumBatches = 2, int maximumBatches = 60)
    {
        compiledMethods ??= () => JitInfo.GetCompiledMethodCount();
        var (batches, quiet, compiled) = (0, 0, 0L);
        while (batches < minimumBatches || (quiet < QuietBatchesNeeded && batches < maximumBatches))
        {
            var before = compiledMethods();
            await batch();
            var compiledNow = compiledMethods() - before;
            (batches, compiled) = (batches + 1, compiled + compiledNow);
            quiet = compiledNow < QuietBatch ? quiet + 1 : 0;
        }

        return new JitWarmUpOutcome(batches, compiled, Settled: quiet >= QuietBatchesNeeded);
    }

    /// <summary>Methods compiled so far by the process, and the time it spent compiling: read before and after a measurement.</summary>
    public static (long Methods, TimeSpan Time) Compilation() => (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
}

/// <summary>How many batches the warm-up took, the methods they compiled, and whether the JIT had settled by the end.</summary>
internal sealed record JitWarmUpOutcome(int Batches, long MethodsCompiled, bool Settled);
