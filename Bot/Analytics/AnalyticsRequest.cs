using System.Text.RegularExpressions;
using CrmBot.Domain.Analytics;
using CrmBot.Understanding;

namespace CrmBot.Analytics;

/// <summary>
/// What a rep asked for: the view, and the days they named ("this quarter", "last month", "2026"), or none; see
/// <see cref="Range"/> for the default.
/// </summary>
public sealed partial record AnalyticsRequest(AnalyticsView View, DateOnly? From = null, DateOnly? To = null)
{
    public static AnalyticsRequest Of(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var view = recognition.Intent switch
        {
            Intent.Revenue => AnalyticsView.Revenue,
            Intent.TopCustomers => AnalyticsView.TopCustomers,
            _ => AnalyticsView.Stats,
        };

        // The Chinese recogniser has no quarters: 本季度 and 上季度 are read here.
        if (Quarter().Match(recognition.Text) is { Success: true } quarter)
        {
            return new AnalyticsRequest(view) { QuarterOffset = quarter.Groups["last"].Success ? -1 : 0 };
        }

        var days = recognition.EntitiesOf<DateTimeEntity>().FirstOrDefault(d => d.Type is "daterange" or "date" && d.Resolved is not null);
        if (days is null)
        {
            return new AnalyticsRequest(view);
        }

        // The dates as the rep wrote them (their wall clock); the shop's calendar decides where each day begins.
        var from = DateOnly.FromDateTime(days.Resolved!.Value.DateTime);
        var to = days.ResolvedEnd is { } end ? DateOnly.FromDateTime(end.DateTime).AddDays(-1) : from;
        return new AnalyticsRequest(view, from, to < from ? from : to);
    }

    /// <summary>Set for "this quarter" (0) or "last quarter" (-1) said in Chinese.</summary>
    public int? QuarterOffset { get; init; }

    /// <summary>The days asked for; by default this quarter for revenue, and the last twelve months otherwise.</summary>
    public DateRange Range(DateOnly today)
    {
        if (QuarterOffset is { } offset)
        {
            return DateRange.Quarter(today.AddMonths(3 * offset));
        }

        if (From is { } from && To is { } to)
        {
            return new DateRange(from, to);
        }

        return View == AnalyticsView.Revenue ? DateRange.Quarter(today) : DateRange.LastTwelveMonths(today);
    }

    [GeneratedRegex("(?:(?<this>本|这个?|当前)|(?<last>上个?))季度", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Quarter();
}
