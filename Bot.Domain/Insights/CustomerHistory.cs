namespace CrmBot.Domain.Insights;

/// <summary>A customer's history as the purchase model reads it: when they became a customer, their orders and contacts.</summary>
public sealed record CustomerHistory(Guid CustomerId, string? ExternalId, DateTimeOffset CreatedAt, IReadOnlyList<PastOrder> Orders, IReadOnlyList<DateTimeOffset> Contacts);

/// <summary>
/// One order of a customer's history: when it was placed and for how much, and when it was cancelled or refunded,
/// if it was; those later events only count at times after them.
/// </summary>
public sealed record PastOrder(DateTimeOffset PlacedAt, decimal Total, DateTimeOffset? CancelledAt = null, DateTimeOffset? RefundedAt = null, DateTimeOffset? ClosedAt = null);
