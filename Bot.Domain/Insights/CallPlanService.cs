using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Insights;

/// <summary>A call in today's plan: whom, their number, their purchase score and what the call is expected to bring.</summary>
public sealed record PlannedCall(Guid CustomerId, string Name, string? Phone, PurchaseScore Score, double ExpectedRevenue);

/// <summary>
/// Today's call plan for every rep: each customer not spoken to for <see cref="PurchaseModelOptions.MinDaysBetweenCalls"/>
/// is worth their purchase likelihood times their average order (the shop's when they have none), and
/// <see cref="CallPlanner"/> picks each rep's calls within their daily capacity.
/// </summary>
public sealed class CallPlanService(
    IDbContextFactory<CrmDbContext> contexts, PurchasePredictor predictor, IOptions<PurchaseModelOptions> options, TimeProvider clock)
{
    /// <summary>Each rep's calls, the most valuable first; null while no purchase model exists to score customers.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PlannedCall>>?> TodayAsync(CancellationToken ct = default)
    {
        if (predictor.Current is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var spokenSince = now.AddDays(-options.Value.MinDaysBetweenCalls);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var histories = await new CustomerHistoryQuery(db).AllAsync(ct);
        var people = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.Name, c.Phone, c.AssignedRepId }).ToDictionaryAsync(c => c.Id, ct);
        var reps = await db.SalesReps.AsNoTracking().Select(r => new RepCapacity(r.Id, r.DailyCallCapacity)).ToListAsync(ct);

        var orders = histories.SelectMany(h => h.Orders.Where(o => o.PlacedAt < now && o.CancelledAt is null)).ToList();
        var shopAverage = orders.Count == 0 ? 0 : (double)orders.Average(o => o.Total);
        var scored = histories
            .Where(h => !h.Contacts.Any(c => c >= spokenSince && c < now))
            .Select(h =>
            {
                var features = CustomerFeatureExtractor.At(h, now);
                var score = predictor.Score(features)!;
                var orderValue = features.AverageOrderValue > 0 ? features.AverageOrderValue : shopAverage;
                return (Customer: people[h.CustomerId], Score: score, Expected: score.Probability * orderValue);
            })
            .ToDictionary(c => c.Customer.Id);

        var plan = CallPlanner.Plan([.. scored.Values.Select(c => new CallCandidate(c.Customer.Id, c.Customer.AssignedRepId, c.Expected))], reps);
        return plan.ToDictionary(
            rep => rep.Key,
            rep => (IReadOnlyList<PlannedCall>)[.. rep.Value.Select(id => scored[id]).Select(c => new PlannedCall(c.Customer.Id, c.Customer.Name, c.Customer.Phone, c.Score, c.Expected))]);
    }
}
