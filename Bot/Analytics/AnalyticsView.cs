namespace CrmBot.Analytics;

/// <summary>Which figures a rep asked for in chat.</summary>
public enum AnalyticsView
{
    Stats,
    Revenue,
    TopCustomers,
}
