using CrmBot.Domain.Common;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// Days and months as the shop counts them: in its time zone (Crm:DefaultTimeZone, UTC when the zone is unknown), so
/// an order placed at 23:30 on March 31st in Shanghai counts in March even though it was already 15:30 UTC.
/// </summary>
public sealed class ShopCalendar(IOptions<CrmOptions> shop, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById(shop.Value.DefaultTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    public DateOnly MonthOf(DateTimeOffset moment) => DateRange.FirstOfMonth(DayOf(moment));

    /// <summary>The moment the shop's day begins (midnight local; after a daylight-saving gap, the first valid time).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    /// <summary>The range as moments: from the start of its first day to the start of the day after its last.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Bounds(DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return (StartOf(range.From), StartOf(range.To.AddDays(1)));
    }
}
