using CrmBot.Domain.Analytics;
using CrmBot.Domain.Common;

namespace CrmBot.Analytics;

/// <summary>The revenue part of <see cref="OrderFigures"/>, as analytics/revenue answers it.</summary>
public sealed record RevenueReport(DateRange Range, string Currency, Money Revenue, Money GrossRevenue, Money Refunded, IReadOnlyList<MonthlyOrders> Months)
{
    public static RevenueReport Of(OrderFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(figures.Range, figures.Currency, figures.Revenue, figures.GrossRevenue, figures.Refunded, figures.Months);
    }
}
