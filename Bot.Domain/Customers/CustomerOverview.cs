using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Customers;

/// <summary>
/// What a rep sees of a customer: contact data, lifetime value (one amount per currency the customer paid in),
/// the latest orders and the orders still open (placed, paid or shipped), newest first.
/// </summary>
public sealed record CustomerOverview(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    PostalAddress? Address,
    IReadOnlyList<Money> LifetimeValue,
    IReadOnlyList<OrderSummary> LastOrders,
    IReadOnlyList<OrderSummary> OpenOrders);
