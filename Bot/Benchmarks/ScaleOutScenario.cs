using System.CommandLine;
using System.Globalization;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// One, then two CrmBot processes on one PostgreSQL database: the visitors of the turns scenario, spread over the
/// instances, in a closed loop; turns/s of two instances against one.
/// </summary>
public sealed class ScaleOutScenario : IBenchmarkScenario
{
    private readonly Option<string> _server = new("--postgres")
    {
        Description = "Connection string of a PostgreSQL server (no database: the run creates and drops one), e.g. " +
            "Host=localhost;Username=postgres;Password=postgres. Default: CRMBOT_BENCH_POSTGRESQL.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CRMBOT_BENCH_POSTGRESQL") ?? string.Empty,
    };

    private readonly Option<int> _conversations = BenchmarkOptions.AtLeast(2, new("--conversations")
    {
        Description = "Concurrent conversations, spread evenly over the instances.",
        DefaultValueFactory = _ => 64,
    });

    private readonly Option<int> _seconds = BenchmarkOptions.AtLeast(1, new("--seconds")
    {
        Description = "Measured seconds with one instance, and again with two.",
        DefaultValueFactory = _ => 20,
    });

    private readonly Option<int> _warmUp = BenchmarkOptions.AtLeast(0, new("--warm-up")
    {
        Description = "Seconds of unmeasured turns before each measurement.",
        DefaultValueFactory = _ => 10,
    });

    public string Name => "scaleout";

    public string Description =>
        "Starts CrmBot processes on one PostgreSQL database and drives the turns scenario's visitors over /api/messages, " +
        "first against one instance, then spread over two: turns/s, p50/p95/p99 ms, errors, two/one.";

    public IReadOnlyList<Option> Options => [_server, _conversations, _seconds, _warmUp];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var server = context.GetValue(_server);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("Give a PostgreSQL server with --postgres (or CRMBOT_BENCH_POSTGRESQL).");
        }

        var conversations = context.GetValue(_conversations);
        var measured = TimeSpan.FromSeconds(context.GetValue(_seconds));
        var warmUp = TimeSpan.FromSeconds(context.GetValue(_warmUp));
        var ct = context.CancellationToken;
        var folders = new List<DirectoryInfo>();
        var instances = new List<BotProcess>();
        await using var scratch = await ScratchPostgreSqlDatabase.CreateAsync(server, ct);
        var database = scratch.ConnectionString;
        try
        {
            await context.Output.WriteLineAsync($"Starting CrmBot on PostgreSQL (database {scratch.Name}) with the demo shop...");
            instances.Add(await StartAsync(database, folders, ct));
            var orders = await TrackableOrdersAsync(database, conversations, ct);

            var one = await MeasureAsync(context, "one instance", instances, orders, conversations, warmUp, measured);
            await context.Output.WriteLineAsync("Starting a second instance on the same database...");
            instances.Add(await StartAsync(database, folders, ct));
            var two = await MeasureAsync(context, "two instances", instances, orders, conversations, warmUp, measured);

            return new BenchmarkResult(
            [
                .. Figures(one),
                .. Figures(two),
                new("two instances / one", two.Tally.TurnsPerSecond / one.Tally.TurnsPerSecond, "x"),
            ])
            {
                Parameters = new Dictionary<string, string>
                {
                    ["instances"] = "dotnet CrmBot.dll (Production, logging at Warning, jobs off), each on its own port of 127.0.0.1",
                    ["database"] = "PostgreSQL on the same machine, one database for both, demo shop",
                    ["conversations"] = conversations.ToString(CultureInfo.InvariantCulture),
                    ["measured"] = $"{measured.TotalSeconds:0} s for each, after {warmUp.TotalSeconds:0} s of warm-up",
                    ["script"] = "the turns scenario's anonymous visitor: hi | track SO-... | email | products | new order | cancel",
                    ["load generator"] = $"this process, on the same {Environment.ProcessorCount} cores as the instances and PostgreSQL",
                },
            };
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            folders.ForEach(folder => folder.Delete(recursive: true));
        }
    }

    private static async Task<Measurement> MeasureAsync(
        BenchmarkContext context, string label, List<BotProcess> instances, IReadOnlyList<TrackableOrder> orders, int conversations,
        TimeSpan warmUp, TimeSpan measured)
    {
        var clients = instances.Select(instance => LoopbackClient.Create(instance.BaseAddress, conversations)).ToList();
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            List<ILoadVisitor> visitors = [.. Enumerable.Range(0, conversations).Select(index => new SimulatedConversation(
                clients[index % clients.Count], "/api/messages", $"scaleout-{run}-{index}", VisitorScript.For(orders[index % orders.Count])))];
            await context.Output.WriteLineAsync($"{label}: warming up {warmUp.TotalSeconds:0} s, then measuring {measured.TotalSeconds:0} s...");
            await ClosedLoop.RunAsync(visitors, warmUp, context.CancellationToken);
            var before = instances.Select(i => i.Usage().ProcessorTime).ToList();
            var sample = await ClosedLoop.RunAsync(visitors, measured, context.CancellationToken);
            var processorTime = instances.Select((i, n) => i.Usage().ProcessorTime - before[n]).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var tally = new TurnTally(label, conversations);
            tally.Add(sample);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {tally.TurnsPerSecond:0} turns/s, p99 {tally.Latency.P99:0.0} ms, {tally.Errors} errors"));
            return new Measurement(tally, processorTime.TotalMilliseconds / Math.Max(1, sample.Answered));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static IEnumerable<BenchmarkFigure> Figures(Measurement measurement) =>
    [
        new($"{measurement.Tally.Label}: turns", measurement.Tally.TurnsPerSecond, "turns/s"),
        .. measurement.Tally.Latency.Figures($"{measurement.Tally.Label}: turn"),
        new($"{measurement.Tally.Label}: errors", measurement.Tally.Errors, "turns"),
        new($"{measurement.Tally.Label}: instances' processor time per turn", measurement.ProcessorMillisecondsPerTurn, "ms"),
    ];

    private static Task<BotProcess> StartAsync(string database, List<DirectoryInfo> folders, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("crmbot-scaleout-");
        folders.Add(folder);
        return BotProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
                ["Database:ConnectionString"] = database,
                ["Database:DataDirectory"] = folder.FullName,
                ["Database:SeedDemoData"] = "true",
                ["Jobs:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["MicrosoftAppId"] = "",
                ["MicrosoftAppPassword"] = "",
            },
            ct);
    }

    private static async Task<IReadOnlyList<TrackableOrder>> TrackableOrdersAsync(string database, int count, CancellationToken ct)
    {
        await using var db = new PostgreSqlCrmDbContext(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(database).Options);
        return await TrackableOrder.FindAsync(db, count, ct);
    }

    private sealed record Measurement(TurnTally Tally, double ProcessorMillisecondsPerTurn);
}
