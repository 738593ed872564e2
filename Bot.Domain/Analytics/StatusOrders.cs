using System.Text.Json.Serialization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Analytics;

/// <summary>How many of the orders placed in a range are in a status now, and what they total.</summary>
public sealed record StatusOrders([property: JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))] OrderStatus Status, int Orders, Money Total);
