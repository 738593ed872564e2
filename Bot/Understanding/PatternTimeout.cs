namespace CrmBot.Understanding;

/// <summary>
/// How long one of the regular expressions that read a user's text may run. They are simple and read at most the
/// capped text, so the timeout only stops a pathological case. It is generous because it counts wall-clock time, to
/// which a busy machine's GC pauses and thread scheduling add: at 200 ms, one turn in 7,000 of the 200-conversation
/// load test lost its intent.
/// </summary>
internal static class PatternTimeout
{
    public const int Milliseconds = 2_000;

    public static readonly TimeSpan Value = TimeSpan.FromMilliseconds(Milliseconds);
}
