using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;

namespace CrmBot.Tests.Domain;

/// <summary>
/// An order in memory, brought to a given status by the same calls a rep would make: two teas and a
/// cup (total 90.00 CNY) out of a stock of 10 teas and 5 cups.
/// </summary>
internal sealed class OrderScenario
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Rep = Actor.Rep(Guid.Parse("0197f1d2-0000-7000-8000-000000000001"), "Li Na");

    /// <summary>What each refund in the scenarios gives back: a part of the total, never all of it.</summary>
    public static readonly Money PartialRefund = new(10m, "CNY");

    private OrderScenario()
    {
        Tea = new Product("TEA-LONGJING", "Longjing tea", new Money(25m, "CNY"), 10);
        Cup = new Product("CUP-CELADON", "Celadon cup", new Money(40m, "CNY"), 5);
        Products = new Dictionary<Guid, Product> { [Tea.Id] = Tea, [Cup.Id] = Cup };
        Order = new Order(10042, Guid.CreateVersion7(), "CNY", Rep, Now);
        Order.AddLine(Tea, 2);
        Order.AddLine(Cup, 1);
    }

    public Product Tea { get; }

    public Product Cup { get; }

    public IReadOnlyDictionary<Guid, Product> Products { get; }

    public Order Order { get; }

    /// <summary>
    /// Draft, Placed, Paid, Shipped and Delivered follow the happy path; Cancelled is a placed order
    /// cancelled; PartiallyRefunded is a shipped (not yet delivered) order refunded in part; Refunded
    /// is a shipped order refunded in full.
    /// </summary>
    public static OrderScenario At(OrderStatus status)
    {
        var scenario = new OrderScenario();
        OrderAction[] steps = status switch
        {
            OrderStatus.Draft => [],
            OrderStatus.Placed => [OrderAction.Place],
            OrderStatus.Paid => [OrderAction.Place, OrderAction.Pay],
            OrderStatus.Shipped => [OrderAction.Place, OrderAction.Pay, OrderAction.Ship],
            OrderStatus.Delivered => [OrderAction.Place, OrderAction.Pay, OrderAction.Ship, OrderAction.Deliver],
            OrderStatus.Cancelled => [OrderAction.Place, OrderAction.Cancel],
            OrderStatus.PartiallyRefunded => [OrderAction.Place, OrderAction.Pay, OrderAction.Ship, OrderAction.Refund],
            OrderStatus.Refunded => [OrderAction.Place, OrderAction.Pay, OrderAction.Ship],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No scenario for this status."),
        };

        foreach (var step in steps)
        {
            scenario.Apply(step);
        }

        if (status == OrderStatus.Refunded)
        {
            scenario.Order.Refund(scenario.Order.Total, "Arrived broken", Rep, Now);
        }

        return status == scenario.Order.Status
            ? scenario
            : throw new InvalidOperationException($"The scenario for {status} ended at {scenario.Order.Status}.");
    }

    /// <summary>Does <paramref name="action"/> with arguments that are valid for it; refunds are partial.</summary>
    public void Apply(OrderAction action)
    {
        switch (action)
        {
            case OrderAction.Place:
                Order.Place(Products, Rep, Now);
                break;
            case OrderAction.Pay:
                Order.Pay(Order.Total, "alipay", "2026030222001", Rep, Now);
                break;
            case OrderAction.Ship:
                Order.Ship("SF Express", "SF1234567890", Rep, Now);
                break;
            case OrderAction.Deliver:
                Order.Deliver(Rep, Now);
                break;
            case OrderAction.Cancel:
                Order.Cancel(Products, "Customer changed their mind", Rep, Now);
                break;
            case OrderAction.Refund:
                Order.Refund(PartialRefund, "Cup arrived chipped", Rep, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");
        }
    }

    public OrderSnapshot Snapshot() => new(
        Order.Status,
        Order.Version,
        Order.History.Count,
        Order.Payments.Count,
        Order.Refunds.Count,
        Order.Shipments.Count,
        Order.AmountPaid,
        Order.AmountRefunded,
        Order.Shipment?.DeliveredAt,
        Tea.Stock,
        Cup.Stock);
}
