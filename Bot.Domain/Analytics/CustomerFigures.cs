namespace CrmBot.Domain.Analytics;

/// <summary>
/// Customers over a range, counted from the orders they placed (whatever became of them later). At <see cref="AsOf"/>
/// (the end of the range, or now when the range is not over): <see cref="Active"/> customers placed an order in the
/// last <see cref="ActiveDays"/> days; <see cref="Churned"/> ones ordered before but not in the last <see cref="ChurnDays"/>
/// days. A customer churns, month by month, at the moment their latest order turns <see cref="ChurnDays"/> days old
/// with no order since (and may come back and churn again). <see cref="Customers"/> is everyone on record at
/// <see cref="AsOf"/>, <see cref="New"/> those who came on record within the range.
/// </summary>
public sealed record CustomerFigures(
    DateRange Range,
    DateTimeOffset AsOf,
    int ActiveDays,
    int ChurnDays,
    int Customers,
    int New,
    int Active,
    int Churned,
    IReadOnlyList<MonthlyCustomers> Months);
