namespace CrmBot.Domain.Analytics;

/// <summary>How the customer figures tell active customers from churned ones (section "Analytics").</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>A customer is active when their latest placed order is at most this many days old.</summary>
    public int ActiveDays { get; set; } = 90;

    /// <summary>A customer has churned when they ordered before but their latest placed order is more than this many days old.</summary>
    public int ChurnDays { get; set; } = 180;

    /// <summary>How many customers and products the top lists show.</summary>
    public int TopCount { get; set; } = 5;
}
