using CrmBot.Domain.Common;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Privacy;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Insights;

/// <summary>
/// A scoring run stores every customer's purchase likelihood as of the clock's now, keeps the previous run's beside
/// it, and leaves erased customers out; on the demo shop with the model trained on it, a few pages of customers at once.
/// </summary>
public class CustomerScoringTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PurchaseModelFile _model = null!;

    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Pages far smaller than the default, so that the demo shop's 500 customers fill many, as a large shop's do.
    private CustomerScoring Scoring => new(
        _db.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), _db.Services.GetRequiredService<PurchasePredictor>(), _db.Clock, pageSize: 37);

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider, Ct);
        await _db.InScopeAsync(services => services.GetRequiredService<DemoShop>().SeedAsync(Ct));
        _model = await _db.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TheFirstRunStoresAProbabilityForEveryCustomerWithNoPreviousOne()
    {
        var run = await Scoring.ScoreAllAsync(Ct);

        var customers = await _db.WithDbAsync(db => db.Customers.Select(c => c.Id).ToListAsync(Ct));
        var scores = await StoredScoresAsync();
        Assert.Equal(customers.Count, run.Scored);
        Assert.Equal(customers.Order(), scores.Keys.Order());
        Assert.All(scores.Values, score =>
        {
            Assert.Null(score.PreviousProbability);
            Assert.InRange(score.Probability, 0, 1);
            Assert.Equal(_model.IsBaseline ? string.Empty : _model.Version, score.ModelVersion);
        });
        Assert.True(scores.Values.Select(s => s.Probability).Distinct().Count() > 1, "every customer got the same probability");
    }

    [Fact]
    public async Task EveryScoreOfARunIsStoredAsOfTheClocksNow()
    {
        _db.Clock.Advance(TimeSpan.FromHours(5));

        var run = await Scoring.ScoreAllAsync(Ct);

        Assert.Equal(_db.Clock.GetUtcNow(), run.ScoredAt);
        Assert.All((await StoredScoresAsync()).Values, score => Assert.Equal(_db.Clock.GetUtcNow(), score.ScoredAt));
    }

    [Fact]
    public async Task TheNextRunKeepsTheLastProbabilityAsThePreviousOneAndScoresWhatHappenedSince()
    {
        await Scoring.ScoreAllAsync(Ct);
        var first = await StoredScoresAsync();
        var lapsed = first.Values.MinBy(s => s.Probability)!.CustomerId;
        var sku = await _db.WithDbAsync(db => db.Products.OrderByDescending(p => p.Stock).Select(p => p.Sku).FirstAsync(Ct));
        for (var i = 0; i < 3; i++)
        {
            var order = await _db.PlaceAsync(lapsed, Ct, new OrderLineRequest(sku, 1));
            await _db.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        }

        _db.Clock.Advance(TimeSpan.FromHours(1));

        await Scoring.ScoreAllAsync(Ct);

        var second = await StoredScoresAsync();
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(second.Values, score => Assert.Equal(first[score.CustomerId].Probability, score.PreviousProbability));
        Assert.True(
            second[lapsed].Probability > first[lapsed].Probability,
            $"three paid orders today took the likelihood from {first[lapsed].Probability:F3} to {second[lapsed].Probability:F3}");
    }

    [Fact]
    public async Task ErasedCustomersAreNotScored()
    {
        var customers = await _db.WithDbAsync(db => db.Customers.OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(Ct));
        await EraseAsync(customers[0]);
        await Scoring.ScoreAllAsync(Ct);
        await EraseAsync(customers[1]);

        var run = await Scoring.ScoreAllAsync(Ct);

        var scores = await StoredScoresAsync();
        Assert.Equal(customers.Count - 2, run.Scored);
        Assert.Equal(customers.Skip(2).Order(), scores.Keys.Order());
    }

    private Task<Dictionary<Guid, CustomerScoreRecord>> StoredScoresAsync() =>
        _db.WithDbAsync(db => db.CustomerScores.AsNoTracking().ToDictionaryAsync(s => s.CustomerId, Ct));

    private Task<ErasureResult> EraseAsync(Guid customerId) =>
        _db.InScopeAsync(services => services.GetRequiredService<CustomerErasure>().EraseAsync(customerId, TestDatabase.Rep, Ct));
}
