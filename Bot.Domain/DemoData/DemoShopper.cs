using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.SalesReps;

namespace CrmBot.Domain.DemoData;

/// <summary>A demo customer and the habits the generator gives them (hidden from the data itself).</summary>
internal sealed class DemoShopper(Customer customer, TimeZoneInfo zone, bool international, DemoShopper.Habit habit, double ordersPerYear)
{
    public enum Habit
    {
        /// <summary>Orders every few weeks, mostly the same teas.</summary>
        Loyal,
        Regular,
        Occasional,

        /// <summary>A company buying gifts in bulk before the Spring Festival and Mid-Autumn.</summary>
        Corporate,

        /// <summary>Signed up, maybe filled a cart, never (or only when a rep talks them into it) buys.</summary>
        Browser,
    }

    public Customer Customer { get; } = customer;

    public TimeZoneInfo Zone { get; } = zone;

    public bool International { get; } = international;

    public Habit Kind { get; } = habit;

    public double OrdersPerYear { get; } = ordersPerYear;

    public SalesRep? Rep { get; set; }

    /// <summary>After this the customer buys elsewhere; reps' calls stop landing.</summary>
    public DateTimeOffset? ChurnsAt { get; set; }

    public DemoCatalog.Aisle Favourite { get; set; }

    /// <summary>Products this customer buys again and again.</summary>
    public List<DemoCatalog.Item> Usual { get; } = [];

    /// <summary>Stretches after a good call or a quote when the customer is much more likely to order.</summary>
    public List<(DateTimeOffset From, DateTimeOffset To)> Interested { get; } = [];

    public Actor Actor => Actor.Customer(Customer.Id, Customer.Name);

    public bool IsCorporate => Kind == Habit.Corporate;

    public bool HasChurned(DateTimeOffset at) => ChurnsAt is { } churn && at >= churn;

    public bool IsInterested(DateTimeOffset at) => Interested.Exists(w => at >= w.From && at < w.To);
}
