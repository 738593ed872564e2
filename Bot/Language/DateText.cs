using System.Collections.Concurrent;
using System.Globalization;

namespace CrmBot.Language;

/// <summary>
/// Dates and times in messages, in the culture's medium form: "Mar 5, 2026 2:30 PM", "2026年3月5日 14:30". The short
/// form (.NET's "d", "g") is all digits, and 3/5/2026 is read as March or as May depending on where the reader lives.
/// </summary>
public static class DateText
{
    private static readonly ConcurrentDictionary<CultureInfo, string> MediumDatePatterns = new();

    /// <summary>A moment as the reader's clock shows it, in the current culture.</summary>
    public static string At(DateTimeOffset at, TimeZoneInfo zone) => DateAndTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static string DateAndTime(DateTime local, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return $"{Date(local, culture)} {local.ToString("t", culture)}";
    }

    public static string Date(DateOnly day, CultureInfo? culture = null) => Date(day.ToDateTime(TimeOnly.MinValue), culture);

    public static string Date(DateTime local, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        // Read-only cultures (CultureInfo.GetCultureInfo's) never change their patterns; every order timeline asks again.
        var pattern = culture.IsReadOnly
            ? MediumDatePatterns.GetOrAdd(culture, static culture => MediumDatePattern(culture.DateTimeFormat))
            : MediumDatePattern(culture.DateTimeFormat);
        return local.ToString(pattern, culture);
    }

    /// <summary>
    /// .NET has no name for the medium date, but ICU hands it over among the culture's date patterns ("MMM d, yyyy",
    /// "yyyy年M月d日"): the first that spells the month without the weekday. A culture without one keeps its short date.
    /// </summary>
    private static string MediumDatePattern(DateTimeFormatInfo format) =>
        format.GetAllDateTimePatterns('d').Concat(format.GetAllDateTimePatterns('D'))
            .FirstOrDefault(pattern => (pattern.Contains("MMM", StringComparison.Ordinal) || pattern.Contains('月', StringComparison.Ordinal)) && !pattern.Contains("ddd", StringComparison.Ordinal))
        ?? format.ShortDatePattern;
}
