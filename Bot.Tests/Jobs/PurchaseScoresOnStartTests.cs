using CrmBot.Domain.Insights;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>
/// The workflows' likelihood rules need every customer's score stored: a start of the bot stores them when there are
/// none, whether it has a purchase model to score with yet or first trains one.
/// </summary>
[Collection(HangfireHosts.Name)]
public sealed class PurchaseScoresOnStartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> DemoShop = new() { ["Database:SeedDemoData"] = "true" };

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("crmbot-scores-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFirstStartTrainsAModelAndStoresEveryCustomersScore()
    {
        await using var app = new JobsApplication(settings: DemoShop, dataDirectory: _dataDirectory);

        await WaitForEveryCustomersScoreAsync(app);

        Assert.NotNull(app.Services.GetRequiredService<PurchaseModelService>().Store.LatestVersion());
    }

    [Fact]
    public async Task AStartWithAModelButNoScoresStoresEveryCustomersScore()
    {
        string version;
        await using (var jobsOff = new JobsApplication(settings: new Dictionary<string, string>(DemoShop) { ["Jobs:Enabled"] = "false" }, dataDirectory: _dataDirectory))
        {
            version = (await jobsOff.Services.GetRequiredService<PurchaseModelService>().TrainAsync(ct: Ct)).Version;
            Assert.Equal(0, await CountAsync(jobsOff, db => db.CustomerScores));
        }

        await using var app = new JobsApplication(dataDirectory: _dataDirectory);

        await WaitForEveryCustomersScoreAsync(app);

        Assert.Equal(version, app.Services.GetRequiredService<PurchaseModelService>().Store.LatestVersion());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task WaitForEveryCustomersScoreAsync(JobsApplication app)
    {
        var customers = await CountAsync(app, db => db.Customers);
        Assert.True(customers > 0, "the demo shop was not loaded");
        var deadline = DateTime.UtcNow + Patience;
        int scores;
        while ((scores = await CountAsync(app, db => db.CustomerScores)) < customers && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        Assert.Equal(customers, scores);
    }

    private static async Task<int> CountAsync<T>(JobsApplication app, Func<CrmDbContext, IQueryable<T>> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await rows(scope.ServiceProvider.GetRequiredService<CrmDbContext>()).CountAsync(Ct);
    }
}
