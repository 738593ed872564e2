using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// What the order figures need of one placed order. <see cref="Refunded"/> is the money that went back: the whole
/// total of a refunded order or of one cancelled after it was paid, the refunds of a partly refunded one.
/// </summary>
internal sealed record PlacedOrder(Guid CustomerId, DateTimeOffset PlacedAt, OrderStatus Status, decimal Total, bool Paid, decimal Refunded)
{
    /// <summary>What the shop kept: the total of a paid order less what was refunded on it.</summary>
    public decimal Revenue => Paid ? Total - Refunded : 0m;
}
