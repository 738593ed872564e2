using CrmBot.Language;
using Microsoft.Extensions.Options;

namespace CrmBot.Proactive;

/// <summary>Whether it is night for a recipient, in their own time zone (the shop's when theirs is unknown).</summary>
public sealed class QuietHours(IOptions<ProactiveOptions> options, TimeZones zones)
{
    public bool IsQuiet(DateTimeOffset now, string? timeZone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zones.Of(timeZone)).DateTime);
        var (start, end) = (options.Value.QuietHoursStart, options.Value.QuietHoursEnd);
        return start != end && local.IsBetween(start, end);
    }
}
