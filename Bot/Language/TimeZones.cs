using CrmBot.Domain.Common;
using Microsoft.Extensions.Options;

namespace CrmBot.Language;

/// <summary>A person's time zone by its stored id, and the shop's (Crm:DefaultTimeZone) when theirs is unknown.</summary>
public sealed class TimeZones(IOptions<CrmOptions> shop)
{
    private readonly TimeZoneInfo _shop = Find(shop.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    public TimeZoneInfo Shop => _shop;

    public TimeZoneInfo Of(string? id) => Find(id) ?? _shop;

    private static TimeZoneInfo? Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
