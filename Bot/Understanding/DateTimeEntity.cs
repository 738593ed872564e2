namespace CrmBot.Understanding;

/// <summary>
/// A date, time, range, duration or repetition, as Microsoft.Recognizers.Text read it. <see cref="Values"/> and
/// <see cref="Timex"/> keep the recogniser's own resolution; <see cref="Resolved"/> (and <see cref="ResolvedEnd"/>
/// for ranges) is the moment meant in the context's time zone: of several readings (10 am or 10 pm, last or next
/// Friday) the first still to come, a time alone the next time the clock shows it, a day alone its start.
/// </summary>
public sealed record DateTimeEntity : RecognizedEntity
{
    /// <summary>date, time, datetime, daterange, timerange, datetimerange, duration or set.</summary>
    public required string Type { get; init; }

    /// <summary>The TIMEX expression of the reading chosen, e.g. 2026-11-26T10.</summary>
    public string? Timex { get; init; }

    public DateTimeOffset? Resolved { get; init; }

    public DateTimeOffset? ResolvedEnd { get; init; }

    /// <summary>False for a day alone ("tomorrow") or a date range: the dialog may still ask for a time.</summary>
    public bool HasTime { get; init; }

    /// <summary>For a duration ("for 2 hours").</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Every reading the recogniser gave, as its resolution dictionaries (timex, type, value or start/end).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Values { get; init; } = [];
}
