using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmBot.Conversations;
using CrmBot.Domain;
using CrmBot.Domain.Persistence;
using CrmBot.Identity;
using CrmBot.Language;
using CrmBot.State;
using CrmBot.Understanding;
using CrmBot.Workflows;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.EntityFrameworkCore;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Benchmarks;

/// <summary>
/// Whole turns in process: a signed-in customer asks to track one of their orders, and the real bot (recogniser,
/// dialogs, domain, conversation state in SQLite) answers on a TestAdapter, one turn after another on one thread.
/// </summary>
public sealed class ConversationScenario : IBenchmarkScenario
{
    private readonly Option<int> _turns = new("--turns")
    {
        Description = "Turns measured (after 500 warm-up turns).",
        DefaultValueFactory = _ => 5_000,
    };

    public string Name => "conversation";

    public string Description =>
        "Runs 'track SO-...' turns of signed-in customers through the real bot on a TestAdapter with SQLite state, " +
        "sequentially: turns/s and p50/p95/p99 ms per turn, state load and save included.";

    public IReadOnlyList<Option> Options => [_turns];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var turns = context.GetValue(_turns);
        var ct = context.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("crmbot-bench-");
        try
        {
            await using var services = BuildServices(directory.FullName);
            await context.Output.WriteLineAsync("Loading the demo shop...");
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(ct);
            }

            var orders = await OrdersOfCustomersAsync(services, ct);
            await context.Output.WriteLineAsync($"Warming up, then {turns:N0} turns...");
            await RunTurnsAsync(services, orders, 500, ct);
            var timings = await RunTurnsAsync(services, orders, turns, ct);
            var latency = Percentiles.Of(timings);
            List<BenchmarkFigure> figures = [new("turns", turns / (timings.Sum() / 1000), "turns/s")];
            figures.AddRange(latency.Figures("track-order turn"));
            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["adapter"] = "TestAdapter, in process, one turn at a time",
                    ["state"] = "SQLite (WAL, file)",
                    ["turns"] = turns.ToString(CultureInfo.InvariantCulture),
                    ["customers taking turns"] = orders.Count.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static ServiceProvider BuildServices(string directory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCrmDomain();
        builder.Services.Configure<DatabaseOptions>(options => options.DataDirectory = directory);
        builder.AddBotState();
        builder.AddLanguage();
        builder.AddUnderstanding();
        builder.AddWorkflows();
        builder.Services.AddConversationDialogs();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>One order of each customer who has some: (customer, order number).</summary>
    private static async Task<List<(Guid Customer, string Number)>> OrdersOfCustomersAsync(ServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var orders = await db.Orders.Select(o => new { o.CustomerId, o.Number }).ToListAsync(ct);
        return [.. orders.GroupBy(o => o.CustomerId).Select(g => (g.Key, g.First().Number))];
    }

    private static async Task<double[]> RunTurnsAsync(ServiceProvider services, List<(Guid Customer, string Number)> orders, int turns, CancellationToken ct)
    {
        var culture = services.GetRequiredService<IEnumerable<IMiddleware>>().OfType<TurnCultureMiddleware>().Single();
        var timings = new double[turns];
        for (var i = 0; i < turns; i++)
        {
            var (customer, number) = orders[i % orders.Count];
            var conversation = TestAdapter.CreateConversation($"customer-{customer}");
            var adapter = new TestAdapter(conversation);
            adapter.Use(new SignedIn(Caller.Customer(customer, "customer"))).Use(culture);
            var started = Stopwatch.GetTimestamp();
            await adapter.ProcessActivityAsync(adapter.MakeActivity($"track {number}"), async (turnContext, token) =>
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DialogBot>().OnTurnAsync(turnContext, token);
            }, ct);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (adapter.ActiveQueue.Count != 1)
            {
                throw new InvalidOperationException($"Turn {i} got {adapter.ActiveQueue.Count} replies instead of the order's timeline.");
            }
        }

        return timings;
    }

    /// <summary>The customer a Direct Line token would vouch for.</summary>
    private sealed class SignedIn(Caller caller) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.TurnState.Set(caller);
            return next(cancellationToken);
        }
    }
}
