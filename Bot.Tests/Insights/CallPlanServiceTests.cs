using CrmBot.Domain.DemoData;
using CrmBot.Domain.Insights;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Insights;

public sealed class CallPlanServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Ct);
        await _db.InScopeAsync(services => services.GetRequiredService<DemoShop>().SeedAsync(Ct));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task NoPlanBeforeAModelExists()
    {
        Assert.Null(await _db.Services.GetRequiredService<CallPlanService>().TodayAsync(Ct));
    }

    [Fact]
    public async Task EachRepGetsTheirBestCallsWithinCapacityAndNobodySpokenToThisWeek()
    {
        await _db.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct);

        var plan = (await _db.Services.GetRequiredService<CallPlanService>().TodayAsync(Ct))!;

        var (reps, customers, spokenTo) = await _db.WithDbAsync(async db => (
            await db.SalesReps.ToDictionaryAsync(r => r.Id, r => r.DailyCallCapacity, Ct),
            await db.Customers.ToDictionaryAsync(c => c.Id, c => c.AssignedRepId, Ct),
            (await db.Interactions.Where(i => i.OccurredAt >= TestDatabase.Start.AddDays(-7)).Select(i => i.CustomerId).ToListAsync(Ct)).ToHashSet()));
        Assert.Equal(reps.Keys.Order(), plan.Keys.Order());
        Assert.All(plan, rep =>
        {
            Assert.InRange(rep.Value.Count, 1, reps[rep.Key]);
            Assert.All(rep.Value, call => Assert.True(customers[call.CustomerId] is null || customers[call.CustomerId] == rep.Key));
            Assert.All(rep.Value, call => Assert.DoesNotContain(call.CustomerId, spokenTo));
            Assert.Equal(rep.Value.OrderByDescending(c => c.ExpectedRevenue), rep.Value);
        });
        var called = plan.Values.SelectMany(calls => calls).Select(c => c.CustomerId).ToList();
        Assert.Equal(called.Count, called.Distinct().Count());
    }
}
