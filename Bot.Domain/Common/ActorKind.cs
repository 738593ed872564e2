namespace CrmBot.Domain.Common;

public enum ActorKind
{
    System,
    Rep,
    Customer,
    Api,
}
