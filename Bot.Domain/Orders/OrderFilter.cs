namespace CrmBot.Domain.Orders;

/// <summary>Which orders a back-office list shows; every part is optional. The placed range includes From and excludes To.</summary>
public sealed record OrderFilter(OrderStatus? Status = null, Guid? CustomerId = null, DateTimeOffset? PlacedFrom = null, DateTimeOffset? PlacedTo = null);
