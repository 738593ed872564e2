using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>One line of an order's audit trail: who moved it from which status to which, and when.</summary>
public sealed class OrderStatusChange : Entity
{
    private OrderStatusChange()
    {
    }

    internal OrderStatusChange(int step, DateTimeOffset at, Actor actor, OrderStatus? from, OrderStatus to, string? note)
    {
        Step = step;
        At = at;
        Actor = Guard.Required(actor.ToString(), "Actor", 200);
        ActorId = actor.Id;
        From = from;
        To = to;
        Note = Guard.Optional(note, "Note", 1000);
    }

    /// <summary>1 for the order's creation, then one more for each change: the history's order, even within one instant.</summary>
    public int Step { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who made the change, e.g. "rep:Li Na", "customer:张三" or "system".</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>The rep's or customer's id, so that two people of the same name stay apart in the audit trail.</summary>
    public Guid? ActorId { get; private set; }

    public OrderStatus? From { get; private set; }

    public OrderStatus To { get; private set; }

    public string? Note { get; private set; }
}
