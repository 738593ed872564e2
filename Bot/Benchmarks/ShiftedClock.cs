namespace CrmBot.Benchmarks;

/// <summary>
/// The system clock moved to a fixed moment when created, then running on: a benchmark's data built for that moment
/// looks the same to the app on every run, whatever the date.
/// </summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
}
