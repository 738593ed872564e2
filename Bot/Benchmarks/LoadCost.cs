namespace CrmBot.Benchmarks;

/// <summary>
/// What a stretch of load cost the whole process (server, load generator, runtime): processor time, bytes allocated
/// and time the GC paused it. Less sensitive than turns/s to what else runs on the machine.
/// </summary>
internal sealed record LoadCost(TimeSpan ProcessorTime, long AllocatedBytes, TimeSpan GcPauses)
{
    public static LoadCost operator +(LoadCost left, LoadCost right) => new(
        left.ProcessorTime + right.ProcessorTime, left.AllocatedBytes + right.AllocatedBytes, left.GcPauses + right.GcPauses);
}
