using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;

namespace CrmBot.Domain.Customers;

/// <summary>
/// What a rep sees of a customer: contact data, lifetime value (one amount per currency the customer paid in),
/// the latest orders and the orders still open (placed, paid or shipped), newest first, and the customer's tags.
/// </summary>
public sealed record CustomerOverview(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    PostalAddress? Address,
    IReadOnlyList<Money> LifetimeValue,
    IReadOnlyList<OrderSummary> LastOrders,
    IReadOnlyList<OrderSummary> OpenOrders)
{
    /// <summary>The customer's tags (set by workflows), in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
