using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Analytics;

/// <summary>How many of the orders placed in a range are in a status now, and what they total.</summary>
public sealed record StatusOrders(OrderStatus Status, int Orders, Money Total);
