using CrmBot.Domain.Common;

namespace CrmBot.Domain.Orders;

/// <summary>One line of a list of orders.</summary>
public sealed record OrderSummary(string Number, OrderStatus Status, Money Total, DateTimeOffset CreatedAt, int Items);
