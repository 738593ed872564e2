using CrmBot.Domain.Common;
using Microsoft.Extensions.Options;

namespace CrmBot.Proactive;

/// <summary>Whether it is night for a recipient, in their own time zone (the shop's when theirs is unknown).</summary>
public sealed class QuietHours(IOptions<ProactiveOptions> options, IOptions<CrmOptions> shop)
{
    public bool IsQuiet(DateTimeOffset now, string? timeZone)
    {
        var zone = Zone(timeZone) ?? Zone(shop.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (start, end) = (options.Value.QuietHoursStart, options.Value.QuietHoursEnd);
        return start != end && local.IsBetween(start, end);
    }

    private static TimeZoneInfo? Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
