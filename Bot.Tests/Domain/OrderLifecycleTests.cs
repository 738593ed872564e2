using CrmBot.Domain.Common;
using static CrmBot.Domain.Orders.OrderAction;
using static CrmBot.Domain.Orders.OrderStatus;
using OrderAction = CrmBot.Domain.Orders.OrderAction;
using OrderLifecycle = CrmBot.Domain.Orders.OrderLifecycle;
using OrderStatus = CrmBot.Domain.Orders.OrderStatus;

namespace CrmBot.Tests.Domain;

/// <summary>Every (status, action) pair: where it takes the order, or that it is refused and changes nothing.</summary>
public sealed class OrderLifecycleTests
{
    private static OrderStatus? Refused => null;

    /// <summary>
    /// The lifecycle as a person would draw it, written out by hand. Refund here means a partial
    /// refund; full refunds have their own test below.
    /// </summary>
    private static readonly (OrderStatus Status, OrderAction Action, OrderStatus? Result)[] Matrix =
    [
        (Draft, Place, Placed),
        (Draft, Pay, Refused),
        (Draft, Ship, Refused),
        (Draft, Deliver, Refused),
        (Draft, Cancel, Cancelled),
        (Draft, Refund, Refused),

        (Placed, Place, Refused),
        (Placed, Pay, Paid),
        (Placed, Ship, Refused),
        (Placed, Deliver, Refused),
        (Placed, Cancel, Cancelled),
        (Placed, Refund, Refused),

        (Paid, Place, Refused),
        (Paid, Pay, Refused),
        (Paid, Ship, Shipped),
        (Paid, Deliver, Refused),
        (Paid, Cancel, Cancelled),
        (Paid, Refund, Refused),

        (Shipped, Place, Refused),
        (Shipped, Pay, Refused),
        (Shipped, Ship, Refused),
        (Shipped, Deliver, Delivered),
        (Shipped, Cancel, Refused),
        (Shipped, Refund, PartiallyRefunded),

        (Delivered, Place, Refused),
        (Delivered, Pay, Refused),
        (Delivered, Ship, Refused),
        (Delivered, Deliver, Refused),
        (Delivered, Cancel, Refused),
        (Delivered, Refund, PartiallyRefunded),

        (Cancelled, Place, Refused),
        (Cancelled, Pay, Refused),
        (Cancelled, Ship, Refused),
        (Cancelled, Deliver, Refused),
        (Cancelled, Cancel, Refused),
        (Cancelled, Refund, Refused),

        // Refunded in part while still on its way: it can still be delivered, and refunded again.
        (PartiallyRefunded, Place, Refused),
        (PartiallyRefunded, Pay, Refused),
        (PartiallyRefunded, Ship, Refused),
        (PartiallyRefunded, Deliver, PartiallyRefunded),
        (PartiallyRefunded, Cancel, Refused),
        (PartiallyRefunded, Refund, PartiallyRefunded),

        (Refunded, Place, Refused),
        (Refunded, Pay, Refused),
        (Refunded, Ship, Refused),
        (Refunded, Deliver, Refused),
        (Refunded, Cancel, Refused),
        (Refunded, Refund, Refused),
    ];

    public static TheoryData<OrderStatus, OrderAction, OrderStatus> AllowedMoves()
    {
        var data = new TheoryData<OrderStatus, OrderAction, OrderStatus>();
        foreach (var (status, action, result) in Matrix.Where(m => m.Result is not null))
        {
            data.Add(status, action, result!.Value);
        }

        return data;
    }

    public static TheoryData<OrderStatus, OrderAction> ForbiddenMoves()
    {
        var data = new TheoryData<OrderStatus, OrderAction>();
        foreach (var (status, action, _) in Matrix.Where(m => m.Result is null))
        {
            data.Add(status, action);
        }

        return data;
    }

    public static TheoryData<OrderStatus> Statuses() => new(Enum.GetValues<OrderStatus>());

    [Fact]
    public void TheMatrixNamesEveryStatusAndActionPairExactlyOnce()
    {
        var everyPair = Enum.GetValues<OrderStatus>().SelectMany(s => Enum.GetValues<OrderAction>().Select(a => (s, a)));

        var listed = Matrix.Select(m => (m.Status, m.Action)).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(everyPair.Order(), listed.Order());
    }

    [Fact]
    public void NoMoveGoesBackUpTheDeclaredOrderOfStatuses()
    {
        var backwards = Matrix.Where(m => m.Result is { } to && to < m.Status).ToList();

        Assert.Empty(backwards);
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void AnAllowedActionMovesTheOrderOnAndRecordsWhoDidIt(OrderStatus status, OrderAction action, OrderStatus expected)
    {
        var scenario = OrderScenario.At(status);
        var before = scenario.Snapshot();

        scenario.Apply(action);

        var order = scenario.Order;
        Assert.Equal(expected, order.Status);
        Assert.Equal(before.Version + 1, order.Version);
        Assert.Equal(before.HistoryCount + 1, order.History.Count);
        var change = order.History.Last();
        Assert.Equal((status, expected, "rep:Li Na"), (change.From!.Value, change.To, change.Actor));
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void AForbiddenActionIsRefusedWithAReadableMessageAndChangesNothing(OrderStatus status, OrderAction action)
    {
        var scenario = OrderScenario.At(status);
        var before = scenario.Snapshot();

        var error = Assert.Throws<DomainException>(() => scenario.Apply(action));

        Assert.Equal("order.invalid_transition", error.Code);
        Assert.Contains("SO-10042", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("trigger", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PartiallyRefunded", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, scenario.Snapshot());
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void TheLifecycleOffersExactlyTheAllowedActions(OrderStatus status)
    {
        var allowed = Matrix.Where(m => m.Status == status && m.Result is not null).Select(m => m.Action).Order().ToList();

        var offered = OrderLifecycle.PermittedActions(status).Order().ToList();

        Assert.Equal(allowed, offered);
        Assert.All(Enum.GetValues<OrderAction>(), action => Assert.Equal(allowed.Contains(action), OrderLifecycle.IsPermitted(status, action)));
        Assert.Equal(allowed, OrderScenario.At(status).Order.PermittedActions.Order().ToList());
    }

    [Theory]
    [InlineData(Shipped)]
    [InlineData(Delivered)]
    [InlineData(PartiallyRefunded)]
    public void RefundingEverythingThatIsLeftEndsInRefunded(OrderStatus status)
    {
        var scenario = OrderScenario.At(status);
        var order = scenario.Order;

        order.Refund(order.AmountPaid - order.AmountRefunded, "Returned unopened", OrderScenario.Rep, OrderScenario.Now);

        Assert.Equal(Refunded, order.Status);
        Assert.Equal(order.AmountPaid, order.AmountRefunded);
        Assert.Empty(order.PermittedActions);
    }

    [Fact]
    public void DeliveringAPartlyRefundedOrderThatWasAlreadyDeliveredIsRefused()
    {
        var scenario = OrderScenario.At(Delivered);
        scenario.Apply(Refund);
        var before = scenario.Snapshot();

        var error = Assert.Throws<DomainException>(() => scenario.Apply(Deliver));

        Assert.Equal("Order SO-10042 has already been delivered.", error.Message);
        Assert.Equal(before, scenario.Snapshot());
    }
}
