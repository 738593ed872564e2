using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>One month of <see cref="OrderFigures"/>: orders placed in it, how many were paid, and the revenue they brought.</summary>
public sealed record MonthlyOrders(DateOnly Month, int Placed, int Paid, Money Revenue);
