using CrmBot.Domain.Common;

namespace CrmBot.Identity;

/// <summary>Who is talking, as the channel established it: never taken from what the user types.</summary>
public sealed record Caller(CallerRole Role, Guid? Id, string DisplayName)
{
    public static Caller Anonymous { get; } = new(CallerRole.Anonymous, null, "visitor");

    public static Caller Customer(Guid id, string name) => new(CallerRole.Customer, id, name);

    public static Caller Rep(Guid id, string name) => new(CallerRole.Rep, id, name);

    public static Caller Stranger(string name) => new(CallerRole.Stranger, null, name);

    public bool IsRep => Role == CallerRole.Rep;

    /// <summary>How the caller appears in audit trails.</summary>
    public Actor ToActor() => Role switch
    {
        CallerRole.Rep => Actor.Rep(Id!.Value, DisplayName),
        CallerRole.Customer => Actor.Customer(Id!.Value, DisplayName),
        _ => new Actor(ActorKind.Customer, DisplayName),
    };
}
