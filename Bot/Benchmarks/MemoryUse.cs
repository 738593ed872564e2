using System.Diagnostics;

namespace CrmBot.Benchmarks;

/// <summary>
/// What a piece of work did to this process's memory: working set and managed heap before it (after a full
/// collection), their peaks while it ran (sampled every 10 ms), the heap it left behind (after a full collection),
/// and the bytes it allocated.
/// </summary>
internal sealed record MemoryUse(long WorkingSetBefore, long PeakWorkingSet, long HeapBefore, long PeakHeap, long HeapAfter, long Allocated)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<(T Result, TimeSpan Elapsed, MemoryUse Memory)> MeasureAsync<T>(Func<Task<T>> work)
    {
        using var process = Process.GetCurrentProcess();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (peakWorkingSet, peakHeap) = (workingSetBefore, heapBefore);
        using var done = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(SampleInterval, CancellationToken.None);
            }
        });

        var started = Stopwatch.GetTimestamp();
        var result = await work();
        var elapsed = Stopwatch.GetElapsedTime(started);
        await done.CancelAsync();
        await sampling;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (result, elapsed, new MemoryUse(workingSetBefore, peakWorkingSet, heapBefore, peakHeap, GC.GetTotalMemory(forceFullCollection: true), allocated));
    }

    public IEnumerable<BenchmarkFigure> Figures(string label) =>
    [
        new($"{label}: peak working set", MiB(PeakWorkingSet), "MiB"),
        new($"{label}: working set growth (peak - before)", MiB(PeakWorkingSet - WorkingSetBefore), "MiB"),
        new($"{label}: managed heap before", MiB(HeapBefore), "MiB"),
        new($"{label}: managed heap growth (peak - before)", MiB(PeakHeap - HeapBefore), "MiB"),
        new($"{label}: managed heap retained (after - before)", MiB(HeapAfter - HeapBefore), "MiB"),
        new($"{label}: allocated", MiB(Allocated), "MiB"),
    ];

    private static double MiB(long bytes) => bytes / 1024.0 / 1024.0;
}
