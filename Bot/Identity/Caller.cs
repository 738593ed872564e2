using CrmBot.Domain.Common;

namespace CrmBot.Identity;

/// <summary>Who is talking, as the channel established it: never taken from what the user types.</summary>
/// <remarks>
/// TimeZone is the caller's IANA zone when their record has one, for reading the dates they type; Language is a
/// signed-in customer's preferred language as their record stands, read with the rest of it.
/// </remarks>
public sealed record Caller(CallerRole Role, Guid? Id, string DisplayName, string? TimeZone = null, string? Language = null)
{
    public static Caller Anonymous { get; } = new(CallerRole.Anonymous, null, "visitor");

    public static Caller Customer(Guid id, string name, string? timeZone = null, string? language = null) =>
        new(CallerRole.Customer, id, name, timeZone, language);

    public static Caller Rep(Guid id, string name, string? timeZone = null) => new(CallerRole.Rep, id, name, timeZone);

    public static Caller Stranger(string name) => new(CallerRole.Stranger, null, name);

    public bool IsRep => Role == CallerRole.Rep;

    /// <summary>The caller's own time zone, or null when it is unknown or not one this system knows.</summary>
    public TimeZoneInfo? Zone => TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>How the caller appears in audit trails.</summary>
    public Actor ToActor() => Role switch
    {
        CallerRole.Rep => Actor.Rep(Id!.Value, DisplayName),
        CallerRole.Customer => Actor.Customer(Id!.Value, DisplayName),
        _ => new Actor(ActorKind.Customer, DisplayName),
    };
}
