using CrmBot.Domain.Insights;

namespace CrmBot.Benchmarks;

/// <summary>
/// Customers' histories for the purchase model, generated in memory from a seed: two years of orders from a mix of
/// loyal, regular, seasonal, lapsing and one-off buyers (and some who never order), contacts that sometimes lead to
/// an order, and cancellations and refunds, the latter making a customer likelier to stop buying.
/// </summary>
public sealed class SyntheticShop(int seed, DateTimeOffset now)
{
    private const double Years = 2;

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _start = now.AddDays(-365 * Years);

    public DateTimeOffset Now => now;

    public List<CustomerHistory> Histories(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    private CustomerHistory Next()
    {
        var createdAt = _random.NextDouble() < 0.6 ? _start.AddDays(-365 * _random.NextDouble()) : _start.AddDays(((365 * Years) - 14) * _random.NextDouble());
        var from = createdAt > _start ? createdAt : _start;
        var typicalOrder = Math.Exp(5.3 + (0.6 * Normal()));
        var contacts = Arrivals(from, now, meanDays: 60 + (120 * _random.NextDouble()));
        var placed = _random.NextDouble() switch
        {
            < 0.12 => Arrivals(from, now, meanDays: 12 + (20 * _random.NextDouble())),
            < 0.37 => Arrivals(from, now, meanDays: 40 + (60 * _random.NextDouble())),
            < 0.50 => Seasonal(from),
            < 0.70 => Arrivals(from, from.AddDays((now - from).TotalDays * _random.NextDouble()), meanDays: 15 + (40 * _random.NextDouble())),
            < 0.95 => [from.AddDays((now - from).TotalDays * _random.NextDouble())],
            _ => [],
        };

        // A call is sometimes what brings a customer who still buys back within two weeks.
        if (placed.Count > 1)
        {
            placed.AddRange(contacts.Where(_ => _random.NextDouble() < 0.25).Select(c => c.AddDays(14 * _random.NextDouble())).Where(at => at < now));
        }

        placed.Sort();
        var orders = new List<PastOrder>(placed.Count);
        foreach (var at in placed)
        {
            var order = Order(at, typicalOrder);
            orders.Add(order);
            // A refund loses some customers for good.
            if (order.RefundedAt is { } refunded && _random.NextDouble() < 0.4)
            {
                orders.AddRange(placed.Where(p => p > at && p < refunded).Select(p => Order(p, typicalOrder)));
                break;
            }
        }

        return new CustomerHistory(Id(), null, createdAt, orders, contacts);
    }

    private PastOrder Order(DateTimeOffset placedAt, double typicalOrder)
    {
        var total = decimal.Round((decimal)(typicalOrder * (0.5 + _random.NextDouble())), 2);
        var closes = placedAt.AddDays(2 + (5 * _random.NextDouble()));
        return _random.NextDouble() switch
        {
            < 0.05 when placedAt.AddDays(1) < now => new PastOrder(placedAt, total, CancelledAt: placedAt.AddDays(_random.NextDouble()), ClosedAt: placedAt.AddDays(1)),
            < 0.08 => new PastOrder(placedAt, total, RefundedAt: closes.AddDays(5 + (25 * _random.NextDouble())), ClosedAt: closes),
            _ => new PastOrder(placedAt, total, ClosedAt: closes),
        };
    }

    /// <summary>A Poisson process: events about every <paramref name="meanDays"/> between two moments.</summary>
    private List<DateTimeOffset> Arrivals(DateTimeOffset from, DateTimeOffset until, double meanDays)
    {
        var events = new List<DateTimeOffset>();
        for (var at = from.AddDays(Gap(meanDays)); at < until; at = at.AddDays(Gap(meanDays)))
        {
            events.Add(at);
        }

        return events;
    }

    /// <summary>One to three orders each year in the customer's season (one or two months of the year).</summary>
    private List<DateTimeOffset> Seasonal(DateTimeOffset from)
    {
        var season = _random.Next(12);
        var months = _random.NextDouble() < 0.5 ? new[] { season } : [season, (season + 6) % 12];
        var orders = new List<DateTimeOffset>();
        for (var year = _start.Year; year <= now.Year; year++)
        {
            foreach (var month in months)
            {
                var monthStart = new DateTimeOffset(year, month + 1, 1, 0, 0, 0, TimeSpan.Zero);
                orders.AddRange(Enumerable.Range(0, _random.Next(1, 4))
                    .Select(_ => monthStart.AddDays(30 * _random.NextDouble()))
                    .Where(at => at >= from && at < now));
            }
        }

        return orders;
    }

    private Guid Id()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private double Gap(double meanDays) => -meanDays * Math.Log(1 - _random.NextDouble());

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
