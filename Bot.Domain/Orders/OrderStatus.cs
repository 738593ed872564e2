namespace CrmBot.Domain.Orders;

public enum OrderStatus
{
    Draft,
    Placed,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    PartiallyRefunded,
    Refunded,
}
