using Bogus;
using CrmBot.Domain.Common;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.DemoData;

/// <summary>
/// Fills an empty database with a demo tea and stationery shop: sales reps, about 500 customers
/// (mostly in China; all of them, and every product name and note in Chinese, with Database:DemoShopLanguage zh-CN), 60 products, two years of orders up to the clock's "now" in every status,
/// the reps' calls and notes, and their reminders for the coming days. Orders go through the
/// <see cref="Order"/> aggregate, so each is valid and has its audit trail. The seed is fixed: the
/// same clock gives the same shop.
/// </summary>
public sealed class DemoShop(CrmDbContext db, TimeProvider clock, IOptions<DatabaseOptions> options)
{
    public const int Seed = 20240101;
    public const int CustomerCount = 500;

    /// <summary>The demo customers' external ids start with it (demo-0001), so that they can be told from a shop's own.</summary>
    public const string ExternalIdPrefix = "demo-";

    private static readonly TimeSpan History = TimeSpan.FromDays(730);

    public async Task<DemoShopSummary> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EnsureEmptyAsync(ct);
        var lastNumber = await db.Sequences
            .Where(s => s.Name == Sequence.OrderNumbers)
            .Select(s => s.Value)
            .SingleAsync(ct);

        var shop = Generate(now, lastNumber, DemoWording.For(options.Value.DemoShopLanguage));
        await SaveAsync(shop, ct);
        await db.Sequences
            .Where(s => s.Name == Sequence.OrderNumbers)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Value, lastNumber + shop.Orders.Count), ct);
        await transaction.CommitAsync(ct);

        return new DemoShopSummary(
            shop.Team.Count,
            shop.Shoppers.Count,
            shop.Products.Count,
            shop.Orders.Count,
            shop.Orders.CountBy(o => o.Status).ToDictionary(),
            shop.Interactions.Count,
            shop.Reminders.Count,
            shop.Reminders.Count(r => r.Status == ReminderStatus.Open),
            shop.Orders.Count > 0 ? shop.Orders[0].Number : null,
            shop.Orders.Count > 0 ? shop.Orders[^1].Number : null,
            now - History,
            now);
    }

    private async Task EnsureEmptyAsync(CancellationToken ct)
    {
        var customers = await db.Customers.CountAsync(ct);
        var products = await db.Products.CountAsync(ct);
        if (customers > 0 || products > 0)
        {
            throw new DomainException(
                "demo.not_empty",
                $"The demo shop only goes into an empty database, and this one already has {customers} customers and {products} products.");
        }
    }

    private static GeneratedShop Generate(DateTimeOffset now, long lastNumber, DemoWording wording)
    {
        var random = new Randomizer(Seed);
        var start = now - History;
        var team = DemoPeople.CreateSalesTeam(wording);
        var people = new DemoPeople(random, wording);
        var shoppers = Enumerable.Range(0, CustomerCount).Select(i => people.CreateShopper(i, team, start, now)).ToList();

        var demand = new DemoDemand(random, wording, start, now);
        foreach (var shopper in shoppers)
        {
            demand.Plan(shopper);
        }

        demand.PlanOpenOrders(shoppers);

        // Orders are numbered in the order they were placed, as the live shop would have numbered them.
        var fulfilment = new DemoFulfilment(random, wording, team, now);
        var priceRise = start.AddDays(365);
        var orders = new List<Order>(demand.Plans.Count);
        var number = lastNumber;
        foreach (var plan in demand.Plans.OrderBy(p => p.PlacedAt))
        {
            if (plan.PlacedAt >= priceRise)
            {
                fulfilment.RaiseTeaPrices();
                priceRise = DateTimeOffset.MaxValue;
            }

            orders.Add(fulfilment.Fulfil(plan, ++number));
        }

        var reminders = demand.Reminders.Concat(new DemoReminders(random, wording, now).ForTheComingDays(team, shoppers, orders)).ToList();
        var interactions = demand.Interactions.Concat(fulfilment.Interactions).OrderBy(i => i.OccurredAt).ToList();
        return new GeneratedShop(team, shoppers, fulfilment.Products, orders, interactions, reminders);
    }

    private async Task SaveAsync(GeneratedShop shop, CancellationToken ct)
    {
        try
        {
            // Everything is new: AddRange marks each graph Added once, so no change detection is needed.
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            // Two years of made-up past are not news: no workflow is to answer them.
            IEnumerable<IHasDomainEvents> aggregates = [.. shop.Shoppers.Select(s => s.Customer), .. shop.Orders, .. shop.Interactions];
            foreach (var aggregate in aggregates)
            {
                aggregate.ClearDomainEvents();
            }

            db.SalesReps.AddRange(shop.Team);
            db.Customers.AddRange(shop.Shoppers.Select(s => s.Customer));
            db.Products.AddRange(shop.Products);
            db.Orders.AddRange(shop.Orders);
            db.Interactions.AddRange(shop.Interactions);
            db.Reminders.AddRange(shop.Reminders);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // The context may live on (a scope, a pool): leave it as empty as it was.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private sealed record GeneratedShop(
        IReadOnlyList<SalesReps.SalesRep> Team,
        IReadOnlyList<DemoShopper> Shoppers,
        IReadOnlyList<Products.Product> Products,
        IReadOnlyList<Order> Orders,
        IReadOnlyList<Interaction> Interactions,
        IReadOnlyList<Reminder> Reminders);
}
