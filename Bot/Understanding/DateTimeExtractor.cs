using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace CrmBot.Understanding;

/// <summary>
/// Dates, times, ranges, durations and repetitions by Microsoft.Recognizers.Text, read relative to the user's
/// wall clock and resolved to moments in their time zone (see <see cref="DateTimeEntity"/>). The model is the
/// costliest step of the recogniser (milliseconds), so it only runs on text with digits, number words or words
/// about time.
/// </summary>
internal sealed partial class DateTimeExtractor : IEntityExtractor
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "HH:mm:ss"];

    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        var hasNumbers = draft.Numbers is null ? MoneyExtractor.MayHoldNumbers().IsMatch(text) : draft.Numbers.Count > 0;
        if (!hasNumbers && !AboutTime().IsMatch(text))
        {
            return;
        }

        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, draft.Culture, DateTimeOptions.None, draft.LocalNow))
        {
            if (draft.FreeSpan(result) is { } span && Entity(result, span, draft) is { } entity)
            {
                draft.TryAdd(entity);
            }
        }
    }

    private static DateTimeEntity? Entity(ModelResult result, string span, EntityDraft draft)
    {
        if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<IDictionary<string, string>> raw)
        {
            return null;
        }

        var values = raw.Select(value => (IReadOnlyDictionary<string, string>)new SortedDictionary<string, string>(value, StringComparer.Ordinal)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var type = result.TypeName.Replace("datetimeV2.", "", StringComparison.Ordinal);
        var readings = values.Select(value => Reading.Of(value, draft.LocalNow)).OfType<Reading>().OrderBy(r => r.Start).ToList();
        var chosen = readings.Find(r => r.IsStillToCome(draft.LocalNow)) ?? readings.LastOrDefault();
        var duration = type == "duration" && double.TryParse(values[0].GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;

        return new DateTimeEntity
        {
            Text = span,
            Position = result.Start,
            Type = type,
            Timex = chosen?.Timex ?? values[0].GetValueOrDefault("timex"),
            Resolved = chosen is null ? null : InZone(chosen.Start, draft.TimeZone),
            ResolvedEnd = chosen?.End is { } end ? InZone(end, draft.TimeZone) : null,
            HasTime = chosen?.HasTime ?? false,
            Duration = duration,
            Values = values,
        };
    }

    /// <summary>A wall-clock time in the zone; a time skipped by a daylight-saving jump moves on by the jump.</summary>
    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Words about time in English and Chinese; digits and number words are checked separately.</summary>
    [GeneratedRegex(@"\b(?:now|today|tonight|tomorrow|tmr|tmrw|yesterday|morning|afternoon|evening|night|noon|midnight|later|soon|week|weekend|month|year|day|days|hour|hours|hr|hrs|minute|minutes|min|mins|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|next|last|this|ago|am|pm|o'?clock|eod|christmas|new year)\b|[天日号號周週星期礼拜禮月年点點时時分秒早晚午夜今明昨后後前刻钟鐘宵晨旬节節]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex AboutTime();

    /// <summary>One reading of a recognised expression, as local wall-clock times.</summary>
    private sealed record Reading(DateTime Start, DateTime? End, bool HasTime, string? Timex)
    {
        public static Reading? Of(IReadOnlyDictionary<string, string> value, DateTime now)
        {
            var type = value.GetValueOrDefault("type") ?? "";
            if (type is "duration" or "set")
            {
                return null;
            }

            var start = Parse(value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start"));
            var end = Parse(value.GetValueOrDefault("end"));
            if (start is null && end is null)
            {
                return null;
            }

            var hasTime = type.Contains("time", StringComparison.Ordinal);
            if (type is "time" or "timerange" && start is { } time)
            {
                // A time alone is the next time the clock shows it.
                var day = time.TimeOfDay < now.TimeOfDay ? now.Date.AddDays(1) : now.Date;
                var shift = day - time.Date;
                start = time + shift;
                end = end + shift;
                if (end < start)
                {
                    end = end.Value.AddDays(1);
                }
            }

            return new Reading(start ?? end!.Value, start is null ? null : end, hasTime, value.GetValueOrDefault("timex"));
        }

        /// <summary>A moment counts from when it starts, a day or range until it ends.</summary>
        public bool IsStillToCome(DateTime now) => HasTime && End is null ? Start >= now : (End ?? Start.Date.AddDays(1)) > now;

        private static DateTime? Parse(string? text) =>
            text is not null && DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;
    }
}
