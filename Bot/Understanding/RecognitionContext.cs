namespace CrmBot.Understanding;

/// <summary>
/// What the recogniser needs to know about the turn besides its text. <see cref="Locale"/> picks the language
/// (en-*, zh-*; others read as English); null means the thread's current culture, which TurnCultureMiddleware
/// sets for each turn. Dates are read relative to <see cref="Now"/> (default: the clock) in <see cref="TimeZone"/>
/// (default: the shop's, Crm:DefaultTimeZone), so pass the user's zone when it is known.
/// </summary>
public sealed record RecognitionContext
{
    public string? Locale { get; init; }

    public DateTimeOffset? Now { get; init; }

    public TimeZoneInfo? TimeZone { get; init; }
}
