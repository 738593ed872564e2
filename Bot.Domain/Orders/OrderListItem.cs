using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>One line of the back office's list of orders.</summary>
public sealed record OrderListItem(string Number, Guid CustomerId, OrderStatus Status, Money Total, DateTimeOffset? PlacedAt, int Items, int Version);
