using CrmBot.Domain.Common;

namespace CrmBot.Domain.Analytics;

/// <summary>
/// The orders placed in a range, in the shop's currency. An order counts in the month it was placed (shop time);
/// <see cref="Revenue"/> is what the shop kept: the totals of the paid orders less what was refunded on them.
/// <see cref="Conversion"/> is paid orders / placed orders (null when none was placed); <see cref="RefundRate"/> is
/// paid orders with money refunded (in part, in full, or cancelled after payment) / paid orders (null when none was paid).
/// </summary>
public sealed record OrderFigures(
    DateRange Range,
    string Currency,
    int Placed,
    int Paid,
    int RefundedOrders,
    Money GrossRevenue,
    Money Refunded,
    Money Revenue,
    double? Conversion,
    double? RefundRate,
    OrderValueStatistics AverageOrderValue,
    IReadOnlyList<MonthlyOrders> Months,
    IReadOnlyList<StatusOrders> Statuses);
