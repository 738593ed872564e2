using CrmBot.Domain.Orders;

namespace CrmBot.Api;

/// <summary>An order in a list; <see cref="Version"/> is what its ETag says.</summary>
public sealed record OrderRow(string Number, Guid CustomerId, OrderStatus Status, MoneyAmount Total, DateTimeOffset? PlacedAt, int Items, int Version)
{
    public static OrderRow Of(OrderListItem order) =>
        new(order.Number, order.CustomerId, order.Status, MoneyAmount.Of(order.Total), order.PlacedAt, order.Items, order.Version);
}
