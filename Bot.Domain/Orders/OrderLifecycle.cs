using System.Collections.Frozen;
using CrmBot.Domain.Common;
using Stateless;

namespace CrmBot.Domain.Orders;

/// <summary>
/// The allowed moves of an order: Draft -> Placed -> Paid -> Shipped -> Delivered, cancel before
/// shipping, refunds (partial or full) once paid and shipped. A Paid order that has not shipped is
/// cancelled rather than refunded; the cancellation refunds it in full.
/// </summary>
public static class OrderLifecycle
{
    // Asked on every order shown; the answer depends on the status alone, and building the machine costs more than the rest of the question.
    private static readonly FrozenDictionary<OrderStatus, IReadOnlyList<OrderAction>> Permitted =
        Enum.GetValues<OrderStatus>().ToFrozenDictionary(status => status, IReadOnlyList<OrderAction> (status) =>
        {
            var (machine, refund) = Build(status);
            return Enum.GetValues<OrderAction>()
                .Where(action => action == OrderAction.Refund ? machine.CanFire(refund, true) : machine.CanFire(action))
                .ToList()
                .AsReadOnly();
        });

    public static IReadOnlyList<OrderAction> PermittedActions(OrderStatus status) => Permitted[status];

    public static bool IsPermitted(OrderStatus status, OrderAction action) => PermittedActions(status).Contains(action);

    /// <summary>Why <paramref name="action"/> is not possible in <paramref name="status"/>, in words for a person; null when it is.</summary>
    public static string? WhyNot(OrderStatus status, OrderAction action, string orderNumber) =>
        IsPermitted(status, action) ? null : Explain(status, action, orderNumber);

    internal static void EnsurePermitted(OrderStatus status, OrderAction action, string orderNumber)
    {
        if (!IsPermitted(status, action))
        {
            throw new DomainException("order.invalid_transition", Explain(status, action, orderNumber));
        }
    }

    /// <summary>The status after <paramref name="action"/>, or a domain error saying why not.</summary>
    internal static OrderStatus Next(OrderStatus status, OrderAction action, string orderNumber, bool fullRefund = false)
    {
        var (machine, refundTrigger) = Build(status);
        if (!machine.CanFire(action) && !(action == OrderAction.Refund && machine.CanFire(refundTrigger, fullRefund)))
        {
            throw new DomainException("order.invalid_transition", Explain(status, action, orderNumber));
        }

        if (action == OrderAction.Refund)
        {
            machine.Fire(refundTrigger, fullRefund);
        }
        else
        {
            machine.Fire(action);
        }

        return machine.State;
    }

    private static (StateMachine<OrderStatus, OrderAction> Machine, StateMachine<OrderStatus, OrderAction>.TriggerWithParameters<bool> Refund) Build(OrderStatus initial)
    {
        var machine = new StateMachine<OrderStatus, OrderAction>(initial);
        var refund = machine.SetTriggerParameters<bool>(OrderAction.Refund);

        machine.Configure(OrderStatus.Draft)
            .Permit(OrderAction.Place, OrderStatus.Placed)
            .Permit(OrderAction.Cancel, OrderStatus.Cancelled);

        machine.Configure(OrderStatus.Placed)
            .Permit(OrderAction.Pay, OrderStatus.Paid)
            .Permit(OrderAction.Cancel, OrderStatus.Cancelled);

        machine.Configure(OrderStatus.Paid)
            .Permit(OrderAction.Ship, OrderStatus.Shipped)
            .Permit(OrderAction.Cancel, OrderStatus.Cancelled);

        machine.Configure(OrderStatus.Shipped)
            .Permit(OrderAction.Deliver, OrderStatus.Delivered)
            .PermitIf(refund, OrderStatus.Refunded, full => full)
            .PermitIf(refund, OrderStatus.PartiallyRefunded, full => !full);

        machine.Configure(OrderStatus.Delivered)
            .PermitIf(refund, OrderStatus.Refunded, full => full)
            .PermitIf(refund, OrderStatus.PartiallyRefunded, full => !full);

        // A partial refund can come before delivery; Order.Deliver checks it was not delivered already.
        machine.Configure(OrderStatus.PartiallyRefunded)
            .PermitReentry(OrderAction.Deliver)
            .PermitIf(refund, OrderStatus.Refunded, full => full)
            .PermitReentryIf(refund, full => !full);

        machine.Configure(OrderStatus.Cancelled);
        machine.Configure(OrderStatus.Refunded);
        return (machine, refund);
    }

    private static string Explain(OrderStatus status, OrderAction action, string number) => (status, action) switch
    {
        (OrderStatus.Draft, OrderAction.Pay or OrderAction.Ship or OrderAction.Deliver or OrderAction.Refund) =>
            $"Order {number} is still a draft: place it first.",
        (OrderStatus.Placed, OrderAction.Ship) => $"Order {number} has not been paid yet, so it cannot be shipped.",
        (OrderStatus.Placed, OrderAction.Deliver) => $"Order {number} has not been paid or shipped yet, so it cannot be delivered.",
        (OrderStatus.Placed, OrderAction.Refund) => $"Order {number} has not been paid, so there is nothing to refund: cancel it instead.",
        (OrderStatus.Paid, OrderAction.Refund) => $"Order {number} has not shipped yet: cancel it to refund the payment in full.",
        (OrderStatus.Paid, OrderAction.Deliver) => $"Order {number} has not shipped yet, so it cannot be delivered.",
        (OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded or OrderStatus.Refunded, OrderAction.Pay) =>
            $"Order {number} is already paid.",
        (OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded, OrderAction.Cancel) =>
            $"Order {number} has already shipped, so it cannot be cancelled: refund it instead.",
        (OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded, OrderAction.Ship) => $"Order {number} has already shipped.",
        (OrderStatus.Delivered, OrderAction.Deliver) => $"Order {number} has already been delivered.",
        (OrderStatus.Cancelled, _) => $"Order {number} was cancelled; nothing more can be done with it.",
        (OrderStatus.Refunded, _) => $"Order {number} has been refunded in full; nothing more can be done with it.",
        (_, OrderAction.Place) => $"Order {number} has already been placed.",
        _ => $"Order {number} is {status}, so it cannot be {Verb(action)}.",
    };

    private static string Verb(OrderAction action) => action switch
    {
        OrderAction.Place => "placed",
        OrderAction.Pay => "paid",
        OrderAction.Ship => "shipped",
        OrderAction.Deliver => "delivered",
        OrderAction.Cancel => "cancelled",
        _ => "refunded",
    };
}
