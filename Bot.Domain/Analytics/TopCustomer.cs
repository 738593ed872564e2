using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>A customer in the top list: their paid orders placed in the range and the revenue they brought (refunds taken off).</summary>
public sealed record TopCustomer(Guid CustomerId, string Name, int Orders, Money Revenue);
