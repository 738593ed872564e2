using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmBot.Domain.Persistence;
using CrmBot.Workflows;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// The workflow engine's time-based triggers at a shop's scale: 20 rules (Benchmarks/workflows.json) scanned over a
/// grown shop in SQLite by the app's own <see cref="WorkflowTriggerScan"/>, then the runs it started executed, then a
/// second scan that finds every occurrence recorded already, as each scan after the first does.
/// </summary>
public sealed class WorkflowsScenario : IBenchmarkScenario
{
    private const string RulesResource = "CrmBot.Benchmarks.workflows.json";

    private readonly Option<int> _customers = BenchmarkOptions.AtLeast(DemoCustomers, new Option<int>("--customers")
    {
        Description = "Customers in the shop, the demo shop's 500 included.",
        DefaultValueFactory = _ => 100_000,
    });

    private readonly Option<int> _orders = BenchmarkOptions.AtLeast(1, new Option<int>("--orders")
    {
        Description = "Orders in the shop, over two years.",
        DefaultValueFactory = _ => 500_000,
    });

    private readonly Option<int> _interactions = BenchmarkOptions.AtLeast(1, new Option<int>("--interactions")
    {
        Description = "Calls, chats, emails and notes in the shop, over two years.",
        DefaultValueFactory = _ => 200_000,
    });

    private readonly Option<DirectoryInfo> _data = new("--data")
    {
        Description = "Folder where the built shop is kept for later runs of the same size (each run works on a copy).",
        HelpName = "dir",
        DefaultValueFactory = _ => new DirectoryInfo("bench-data"),
    };

    private readonly Option<bool> _execute = new("--execute")
    {
        Description = "Execute the runs the first scan started, timed on their own (--execute false leaves it out).",
        DefaultValueFactory = _ => true,
    };

    private const int DemoCustomers = 500;

    public string Name => "workflows";

    public string Description =>
        "Scans 20 time-based workflow rules over a grown shop in SQLite (100,000 customers, 500,000 orders by default): " +
        "seconds, customers/s, runs started and memory of the first scan; then the executor on those runs; then a second scan.";

    public IReadOnlyList<Option> Options => [_customers, _orders, _interactions, _data, _execute];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var size = new ShopSize(context.GetValue(_customers), context.GetValue(_orders), context.GetValue(_interactions));
        var ct = context.CancellationToken;
        var loadBefore = LoadAverage();
        var (shop, building) = await WorkflowShop.EnsureAsync(context.GetValue(_data)!, size, context.Output, ct);

        var work = Directory.CreateTempSubdirectory("crmbot-bench-workflows-");
        try
        {
            await context.Output.WriteLineAsync($"Copying the shop to {work.FullName}...");
            foreach (var file in shop.GetFiles())
            {
                file.CopyTo(Path.Combine(work.FullName, file.Name));
            }

            var settings = WorkflowShop.Settings(work);
            await File.WriteAllTextAsync(settings["Workflows:File"]!, RulesText(), ct);
            await using var server = await BotServer.StartAsync(ct, settings, new ShiftedClock(WorkflowShop.Now));
            var rules = TimeBasedRules(server.Services.GetRequiredService<WorkflowCatalog>().Current);
            var shopFigures = await CountAsync(server.Services, ct);
            var customers = shopFigures.Single(f => f.Name == "customers").Value;
            var scan = server.Services.GetRequiredService<WorkflowTriggerScan>();

            await context.Output.WriteLineAsync($"First scan of {rules.Count} time-based rules over {customers:N0} customers...");
            var (started, firstTime, firstMemory) = await MemoryUse.MeasureAsync(() => scan.ScanAsync(ct));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {firstTime.TotalSeconds:0.00} s, {started:N0} runs started"));
            List<BenchmarkFigure> figures =
            [
                .. shopFigures,
                new("first scan", firstTime.TotalSeconds, "s"),
                new("first scan: customers", customers / firstTime.TotalSeconds, "customers/s"),
                new("first scan: runs started", started, "runs"),
                .. await StartedByTriggerAsync(server.Services, ct),
                .. firstMemory.Figures("first scan"),
            ];
            if (building is { } built)
            {
                figures.Insert(0, new("shop built (growth, tags, scores)", built.TotalSeconds, "s"));
            }

            if (context.GetValue(_execute))
            {
                await context.Output.WriteLineAsync($"Executing the {started:N0} runs...");
                var executor = server.Services.GetRequiredService<WorkflowExecutor>();
                var reminders = await RemindersAsync(server.Services, ct);
                var executing = Stopwatch.GetTimestamp();
                var finished = await executor.RunDueAsync(ct);
                var executed = Stopwatch.GetElapsedTime(executing);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {executed.TotalSeconds:0.00} s, {finished:N0} runs finished"));
                figures.Add(new("executor", executed.TotalSeconds, "s"));
                figures.Add(new("executor: runs finished", finished, "runs"));
                figures.Add(new("executor: runs", finished / executed.TotalSeconds, "runs/s"));
                figures.AddRange(await FinishedByStatusAsync(server.Services, ct));
                figures.Add(new("executor: reminders created", await RemindersAsync(server.Services, ct) - reminders, "reminders"));
            }

            await context.Output.WriteLineAsync("Second scan (every occurrence recorded already)...");
            var (again, secondTime, secondMemory) = await MemoryUse.MeasureAsync(() => scan.ScanAsync(ct));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {secondTime.TotalSeconds:0.00} s, {again:N0} runs started"));
            figures.Add(new("second scan", secondTime.TotalSeconds, "s"));
            figures.Add(new("second scan: customers", customers / secondTime.TotalSeconds, "customers/s"));
            figures.Add(new("second scan: runs started", again, "runs"));
            figures.AddRange(secondMemory.Figures("second scan"));

            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["database"] = "SQLite (WAL, file), a copy of the shop built in " + shop.FullName,
                    ["shop"] = $"the demo shop grown through the shop import to {size.Customers:N0} customers, {size.Orders:N0} orders and " +
                        $"{size.Interactions:N0} interactions over two years; scores for 92% of customers; tags vip 4%, wholesale 8%, newsletter 30%, key-account 2%",
                    ["rules"] = $"{rules.Count} time-based rules (Benchmarks/workflows.json): " +
                        string.Join(", ", rules.CountBy(r => WorkflowJson.Name(r.Definition.Trigger!.Type)).Select(c => $"{c.Value} {c.Key}")),
                    ["clock"] = $"from {WorkflowShop.Now:yyyy-MM-dd HH:mm}Z (a Monday, 10:30 in China, the first of the month)",
                    ["app"] = "CrmBot's services as served (AddCrmBot, Production, logging at Warning, jobs off); scan and executor called directly",
                    ["load average before / after"] = $"{loadBefore} / {LoadAverage()}",
                },
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static string RulesText()
    {
        using var stream = typeof(WorkflowsScenario).Assembly.GetManifestResourceStream(RulesResource)
            ?? throw new InvalidOperationException($"{RulesResource} is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The active time-based rules; a wrong rule would make the figures mean nothing.</summary>
    private static List<WorkflowRule> TimeBasedRules(WorkflowSet set)
    {
        if (set.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark's workflows file is wrong: {string.Join("; ", set.Errors)}");
        }

        return [.. set.Active.Where(r => r.Definition.Trigger is { } t && !WorkflowEventIntake.IsEventTrigger(t.Type))];
    }

    private static async Task<List<BenchmarkFigure>> CountAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return
        [
            new("customers", await db.Customers.CountAsync(c => c.ErasedAt == null, ct), "customers"),
            new("orders", await db.Orders.CountAsync(ct), "orders"),
            new("interactions", await db.Interactions.CountAsync(ct), "interactions"),
            new("stored scores", await db.CustomerScores.CountAsync(ct), "scores"),
            new("customer tags", await db.CustomerTags.CountAsync(ct), "tags"),
        ];
    }

    private static async Task<IEnumerable<BenchmarkFigure>> StartedByTriggerAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().WorkflowRuns.AsNoTracking()
            .GroupBy(r => r.Trigger).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BenchmarkFigure($"first scan: runs started by {c.Key}", c.Count, "runs"));
    }

    private static async Task<IEnumerable<BenchmarkFigure>> FinishedByStatusAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().WorkflowRuns.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.OrderBy(c => c.Key).Select(c => new BenchmarkFigure($"executor: runs {c.Key}", c.Count, "runs"));
    }

    private static async Task<int> RemindersAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Reminders.CountAsync(ct);
    }

    /// <summary>The 1-minute load average (other builds share the machine), where the system tells it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
