namespace CrmBot.Domain.Orders;

public static class OrderStatusExtensions
{
    /// <summary>
    /// Whether an order in this status has been paid for: paid and every status after it, refunds included. A cancelled
    /// order may have been paid too; only its payments tell.
    /// </summary>
    public static bool IsPaid(this OrderStatus status) =>
        status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded or OrderStatus.Refunded;
}
