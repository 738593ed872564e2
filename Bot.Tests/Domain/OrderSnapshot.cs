using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Tests.Domain;

/// <summary>Everything a person could see change on an order and on the shelves of its two products.</summary>
internal sealed record OrderSnapshot(
    OrderStatus Status,
    int Version,
    int HistoryCount,
    int PaymentCount,
    int RefundCount,
    int ShipmentCount,
    Money AmountPaid,
    Money AmountRefunded,
    DateTimeOffset? DeliveredAt,
    int TeaStock,
    int CupStock);
