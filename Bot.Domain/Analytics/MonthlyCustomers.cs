namespace CrmBot.Domain.Analytics;

/// <summary>One month of <see cref="CustomerFigures"/>: customers who came on record in it, and customers who churned in it.</summary>
public sealed record MonthlyCustomers(DateOnly Month, int New, int Churned);
