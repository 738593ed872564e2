using CrmBot.Domain.Orders;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// An order a demo customer is going to place: when, what, and whether their rep placed it for them.
/// An abandoned plan stays a cart; <see cref="StopsAt"/> holds one of the open orders at the end of the
/// history at that status.
/// </summary>
internal sealed record DemoOrderPlan(
    DemoShopper Shopper,
    DateTimeOffset PlacedAt,
    IReadOnlyList<(DemoCatalog.Item Item, int Quantity)> Lines,
    bool ByRep,
    bool Abandoned = false,
    OrderStatus? StopsAt = null);
