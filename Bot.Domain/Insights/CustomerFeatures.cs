using Microsoft.ML.Data;

namespace CrmBot.Domain.Insights;

/// <summary>
/// What the purchase model knows of a customer at one moment, computed only from what had happened before it (see
/// <see cref="CustomerFeatureExtractor"/>); <see cref="Label"/> is what then happened: an order within the horizon.
/// Field names are the model's column names.
/// </summary>
public sealed class CustomerFeatures
{
    /// <summary>Days since the last order; a customer without one counts from when they became a customer.</summary>
    public float DaysSinceLastOrder { get; set; }

    public float OrdersLast30Days { get; set; }

    public float OrdersLast90Days { get; set; }

    public float OrdersLast365Days { get; set; }

    public float OrdersAllTime { get; set; }

    public float SpendLast90Days { get; set; }

    public float SpendLast365Days { get; set; }

    public float AverageOrderValue { get; set; }

    /// <summary>Orders in the last 90 days minus orders in the 90 days before: buying more, or less, than before.</summary>
    public float OrderTrend { get; set; }

    /// <summary>Mean days between consecutive orders; 0 with fewer than two.</summary>
    public float AverageDaysBetweenOrders { get; set; }

    /// <summary>Days since someone last spoke to the customer; from when they became a customer if never.</summary>
    public float DaysSinceLastContact { get; set; }

    public float ContactsLast30Days { get; set; }

    public float ContactsLast90Days { get; set; }

    /// <summary>Orders placed and not yet delivered, cancelled or refunded.</summary>
    public float OpenOrders { get; set; }

    public float RefundsLast365Days { get; set; }

    public float CancellationsLast365Days { get; set; }

    public float TenureDays { get; set; }

    [ColumnName("Label")]
    public bool Label { get; set; }
}
