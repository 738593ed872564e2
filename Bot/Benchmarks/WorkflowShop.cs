using System.Diagnostics;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// The shop the workflows benchmark scans: the demo shop grown to the asked size as of <see cref="Now"/>, with the
/// stored purchase scores of last night's scoring run and the customers' tags. Building it takes minutes, so it is
/// kept in a folder of its own, named after its size, and reused; every run works on a copy.
/// </summary>
internal static class WorkflowShop
{
    /// <summary>When the shop's history ends and the scan runs: Monday 1 June 2026, 10:30 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 30, 0, TimeSpan.Zero);

    /// <summary>When the scoring run before the scan scored every customer it scores.</summary>
    public static readonly DateTimeOffset ScoredAt = Now.AddHours(-5);

    private const int Version = 1;

    private static readonly (string Tag, double Share)[] Tags = [("vip", 0.04), ("wholesale", 0.08), ("newsletter", 0.3), ("key-account", 0.02)];

    /// <summary>The folder of the built shop; built first when <paramref name="cache"/> has none of that size.</summary>
    /// <returns>The folder, and how long building it took (null when it was there already).</returns>
    public static async Task<(DirectoryInfo Folder, TimeSpan? Building)> EnsureAsync(DirectoryInfo cache, ShopSize size, TextWriter output, CancellationToken ct)
    {
        var folder = new DirectoryInfo(Path.Combine(cache.FullName, $"workflows-v{Version}-{size.Customers}-{size.Orders}-{size.Interactions}"));
        if (folder.Exists)
        {
            await output.WriteLineAsync($"Reusing the shop built in {folder.FullName}.");
            return (folder, null);
        }

        var building = new DirectoryInfo(folder.FullName + ".building");
        if (building.Exists)
        {
            building.Delete(recursive: true);
        }

        building.Create();
        var started = Stopwatch.GetTimestamp();
        await using (var server = await BotServer.StartAsync(ct, Settings(building), new ShiftedClock(Now)))
        {
            await output.WriteLineAsync(
                $"Growing the demo shop to {size.Customers:N0} customers, {size.Orders:N0} orders and {size.Interactions:N0} interactions in {building.FullName}...");
            await GrownShop.GrowAsync(server.Services, size, Now, ct);
            await output.WriteLineAsync("Adding the customers' tags and last night's purchase scores...");
            await AddScoresAndTagsAsync(server.Services, ct);
        }

        building.MoveTo(folder.FullName);
        return (folder, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The app's settings for a data folder holding the shop.</summary>
    public static Dictionary<string, string?> Settings(DirectoryInfo data) => new()
    {
        ["Database:DataDirectory"] = data.FullName,
        ["Workflows:File"] = Path.Combine(data.FullName, "workflows.json"),
    };

    /// <summary>
    /// Scores for most customers (a few were never scored), mostly low as a shop's are; most had a score the run
    /// before, near the new one. Tags at fixed shares.
    /// </summary>
    private static async Task AddScoresAndTagsAsync(IServiceProvider services, CancellationToken ct)
    {
        List<Guid> customers;
        await using (var scope = services.CreateAsyncScope())
        {
            customers = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Customers.AsNoTracking()
                .OrderBy(c => c.ExternalId).Select(c => c.Id).ToListAsync(ct);
        }

        var random = new Random(17);
        foreach (var chunk in customers.Chunk(5000))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var id in chunk)
            {
                if (random.NextDouble() < 0.92)
                {
                    var probability = Math.Round(Math.Pow(random.NextDouble(), 2.2), 4);
                    double? previous = random.NextDouble() < 0.8 ? Math.Round(Math.Clamp(probability + (0.12 * Normal(random)), 0, 1), 4) : null;
                    db.CustomerScores.Add(new CustomerScoreRecord
                    {
                        CustomerId = id,
                        Probability = probability,
                        PreviousProbability = previous,
                        ScoredAt = ScoredAt,
                        ModelVersion = "bench",
                    });
                }

                foreach (var (tag, share) in Tags)
                {
                    if (random.NextDouble() < share)
                    {
                        db.CustomerTags.Add(new CustomerTag(id, tag, ScoredAt));
                    }
                }
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
