using CrmBot.Benchmarks;

namespace CrmBot.Tests.Benchmarks;

public sealed class JitWarmUpTests
{
    [Fact]
    public async Task WorkThatCompilesNothingNewIsWarmAfterTheMinimumOfBatches()
    {
        var jit = new ScriptedJit(0, 0, 0, 0, 0);

        var outcome = await JitWarmUp.RunAsync(jit.Batch, jit.Count, minimumBatches: 3);

        Assert.Equal(new JitWarmUpOutcome(Batches: 3, MethodsCompiled: 0, Settled: true), outcome);
    }

    [Fact]
    public async Task OneQuietBatchIsNotEnough()
    {
        var jit = new ScriptedJit(2_700, 0, 600, 9, 3, 500);

        var outcome = await JitWarmUp.RunAsync(jit.Batch, jit.Count);

        Assert.Equal(new JitWarmUpOutcome(Batches: 5, MethodsCompiled: 3_312, Settled: true), outcome);
    }

    [Fact]
    public async Task WorkThatKeepsCompilingStopsAtTheMaximumAndSaysItHasNotSettled()
    {
        var jit = new ScriptedJit(2_700, 40, 10, 40, 10, 0, 0);

        var outcome = await JitWarmUp.RunAsync(jit.Batch, jit.Count, maximumBatches: 5);

        Assert.Equal(new JitWarmUpOutcome(Batches: 5, MethodsCompiled: 2_800, Settled: false), outcome);
        Assert.Equal(5, jit.BatchesRun);
    }

    /// <summary>A JIT that compiles the given number of methods in each batch, in turn.</summary>
    private sealed class ScriptedJit(params int[] methodsPerBatch)
    {
        private long _compiled;

        public int BatchesRun { get; private set; }

        public long Count() => _compiled;

        public Task Batch()
        {
            _compiled += methodsPerBatch[BatchesRun++];
            return Task.CompletedTask;
        }
    }
}
