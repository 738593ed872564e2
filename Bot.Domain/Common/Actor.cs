namespace CrmBot.Domain.Common;

/// <summary>Who asked for a change; recorded in audit trails as e.g. "rep:Li Na".</summary>
public sealed record Actor(ActorKind Kind, string Name, Guid? Id = null)
{
    public static Actor System { get; } = new(ActorKind.System, "system");

    /// <summary>The data import, which brings in the shop's own records.</summary>
    public static Actor Import { get; } = new(ActorKind.System, "import");

    public static Actor Rep(Guid id, string name) => new(ActorKind.Rep, name, id);

    public static Actor Customer(Guid id, string name) => new(ActorKind.Customer, name, id);

    public static Actor Api(string keyName) => new(ActorKind.Api, keyName);

    public override string ToString() => Kind == ActorKind.System ? Name : $"{Kind.ToString().ToLowerInvariant()}:{Name}";
}
