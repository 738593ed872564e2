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
/// Whole turns in process: a signed-in customer asks to track one of their orders, in English ("track SO-...") and in
/// Chinese ("我的订单SO-...到哪了", zh-CN), and the real bot (recogniser, dialogs, domain, conversation state in SQLite)
/// answers on a TestAdapter, one turn after another on one thread. The two languages take turns, so the machine's
/// drift weighs on both alike.
/// </summary>
public sealed class ConversationScenario : IBenchmarkScenario
{
    /// <summary>Turns of each language in a batch of the warm-up.</summary>
    private const int WarmUpBatch = 500;

    private readonly Option<int> _turns = new("--turns")
    {
        Description = "Turns measured in each language (after warming up until the JIT has settled).",
        DefaultValueFactory = _ => 5_000,
    };

    public string Name => "conversation";

    public string Description =>
        "Runs 'track SO-...' turns of signed-in customers, and the same turn in Chinese, through the real bot on a " +
        "TestAdapter with SQLite state, sequentially: turns/s and p50/p95/p99 ms per turn of each language, state load " +
        "and save included, and the Chinese turn's median over the English one's.";

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
            var warmUp = await JitWarmUp.RunAsync(() => RunTurnsAsync(services, orders, WarmUpBatch, ct));
            await context.Output.WriteLineAsync(
                $"Warmed up with {warmUp.Batches * WarmUpBatch * 2:N0} turns ({warmUp.MethodsCompiled:N0} methods compiled); " +
                (warmUp.Settled ? "the JIT has settled." : "the JIT had not settled, the figures may include unoptimised code."));
            using var process = Process.GetCurrentProcess();
            var (processorTime, allocated, paused) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
            var compilation = JitWarmUp.Compilation();
            var (english, chinese) = await RunTurnsAsync(services, orders, turns, ct);
            process.Refresh();
            var compiled = JitWarmUp.Compilation();
            var cost = new LoadCost(process.TotalProcessorTime - processorTime, GC.GetTotalAllocatedBytes() - allocated, GC.GetTotalPauseDuration() - paused);
            var (englishLatency, chineseLatency) = (Percentiles.Of(english), Percentiles.Of(chinese));
            List<BenchmarkFigure> figures = [new("turns", turns / (english.Sum() / 1000), "turns/s")];
            figures.AddRange(englishLatency.Figures("track-order turn"));
            figures.Add(new("Chinese turns", turns / (chinese.Sum() / 1000), "turns/s"));
            figures.AddRange(chineseLatency.Figures("Chinese track-order turn"));
            figures.Add(new("Chinese over English turn, p50", chineseLatency.P50 / englishLatency.P50, "x"));
            // Both languages together; the process's processor time (GC threads included) moves less with the machine's other load than turns/s.
            figures.Add(new("processor time per turn", cost.ProcessorTime.TotalMilliseconds / (2 * turns), "ms"));
            figures.Add(new("allocated per turn", cost.AllocatedBytes / 1024.0 / (2 * turns), "KiB"));
            figures.Add(new("GC pauses", cost.GcPauses.TotalMilliseconds, "ms"));
            figures.Add(new("methods compiled while measured", compiled.Methods - compilation.Methods, "methods"));
            figures.Add(new("compiling while measured", (compiled.Time - compilation.Time).TotalMilliseconds, "ms"));
            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["adapter"] = "TestAdapter, in process, one turn at a time",
                    ["state"] = "SQLite (WAL, file)",
                    ["turns"] = turns.ToString(CultureInfo.InvariantCulture) + " of each language, alternating",
                    ["customers taking turns"] = orders.Count.ToString(CultureInfo.InvariantCulture),
                    ["warm-up"] = $"{warmUp.Batches * WarmUpBatch} turns of each language, until the JIT compiled fewer than 10 methods in {WarmUpBatch} turns twice in a row" +
                        (warmUp.Settled ? "" : " (not reached)"),
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

    private static async Task<(double[] English, double[] Chinese)> RunTurnsAsync(
        ServiceProvider services, List<(Guid Customer, string Number)> orders, int turns, CancellationToken ct)
    {
        var culture = services.GetRequiredService<IEnumerable<IMiddleware>>().OfType<TurnCultureMiddleware>().Single();
        var (english, chinese) = (new double[turns], new double[turns]);
        for (var i = 0; i < turns; i++)
        {
            var (customer, number) = orders[i % orders.Count];
            english[i] = await TurnAsync(services, culture, customer, "en-US", $"track {number}", $"Order {number}", ct);
            chinese[i] = await TurnAsync(services, culture, customer, "zh-CN", $"我的订单{number}到哪了", $"订单 {number}：", ct);
        }

        return (english, chinese);
    }

    /// <summary>One turn of the customer's conversation in that language, in milliseconds; the reply must begin with <paramref name="answer"/>.</summary>
    private static async Task<double> TurnAsync(
        ServiceProvider services, IMiddleware culture, Guid customer, string locale, string text, string answer, CancellationToken ct)
    {
        var conversation = TestAdapter.CreateConversation($"customer-{customer}-{locale}");
        var adapter = new TestAdapter(conversation) { Locale = locale };
        adapter.Use(new SignedIn(Caller.Customer(customer, "customer"))).Use(culture);
        var started = Stopwatch.GetTimestamp();
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), async (turnContext, token) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DialogBot>().OnTurnAsync(turnContext, token);
        }, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (adapter.ActiveQueue.Count != 1 || adapter.ActiveQueue.Peek().AsMessageActivity().Text?.StartsWith(answer, StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"'{text}' got {adapter.ActiveQueue.Count} replies instead of the order's timeline beginning '{answer}': {adapter.ActiveQueue.FirstOrDefault()?.AsMessageActivity().Text}");
        }

        return elapsed;
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
