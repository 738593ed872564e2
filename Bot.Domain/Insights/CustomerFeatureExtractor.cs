namespace CrmBot.Domain.Insights;

/// <summary>
/// Turns a customer's history into the model's features at a moment, looking only at what happened before it, so a
/// model trained on past moments never learns from the future it is asked to predict.
/// </summary>
public static class CustomerFeatureExtractor
{
    public static CustomerFeatures At(CustomerHistory history, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var tenure = Days(asOf - history.CreatedAt);
        var orders = history.Orders.Where(o => o.PlacedAt < asOf).OrderBy(o => o.PlacedAt).ToList();
        var kept = orders.Where(o => !(o.CancelledAt < asOf)).ToList();
        var contacts = history.Contacts.Where(c => c < asOf).ToList();

        int PlacedWithin(double fromDays, double toDays) =>
            orders.Count(o => o.PlacedAt >= asOf.AddDays(-toDays) && o.PlacedAt < asOf.AddDays(-fromDays));
        float SpendWithin(double days) => (float)kept.Where(o => o.PlacedAt >= asOf.AddDays(-days)).Sum(o => o.Total);

        return new CustomerFeatures
        {
            DaysSinceLastOrder = orders.Count == 0 ? tenure : Days(asOf - orders[^1].PlacedAt),
            OrdersLast30Days = PlacedWithin(0, 30),
            OrdersLast90Days = PlacedWithin(0, 90),
            OrdersLast365Days = PlacedWithin(0, 365),
            OrdersAllTime = orders.Count,
            SpendLast90Days = SpendWithin(90),
            SpendLast365Days = SpendWithin(365),
            AverageOrderValue = kept.Count == 0 ? 0 : (float)kept.Average(o => o.Total),
            OrderTrend = PlacedWithin(0, 90) - PlacedWithin(90, 180),
            AverageDaysBetweenOrders = orders.Count < 2 ? 0 : Days(orders[^1].PlacedAt - orders[0].PlacedAt) / (orders.Count - 1),
            DaysSinceLastContact = contacts.Count == 0 ? tenure : Days(asOf - contacts.Max()),
            ContactsLast30Days = contacts.Count(c => c >= asOf.AddDays(-30)),
            ContactsLast90Days = contacts.Count(c => c >= asOf.AddDays(-90)),
            OpenOrders = orders.Count(o => !(o.ClosedAt < asOf) && !(o.CancelledAt < asOf) && !(o.RefundedAt < asOf)),
            RefundsLast365Days = orders.Count(o => o.RefundedAt < asOf && o.RefundedAt >= asOf.AddDays(-365)),
            CancellationsLast365Days = orders.Count(o => o.CancelledAt < asOf && o.CancelledAt >= asOf.AddDays(-365)),
            TenureDays = tenure,
        };
    }

    /// <summary>The features at a moment, labelled with whether the customer placed an order in the horizon after it.</summary>
    public static CustomerFeatures Labelled(CustomerHistory history, DateTimeOffset asOf, TimeSpan horizon)
    {
        var features = At(history, asOf);
        features.Label = history.Orders.Any(o => o.PlacedAt >= asOf && o.PlacedAt < asOf + horizon);
        return features;
    }

    private static float Days(TimeSpan span) => (float)Math.Max(0, span.TotalDays);
}
