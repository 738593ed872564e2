using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmBot.Api;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// The back office's REST API over loopback HTTP on the demo shop grown to many orders: order lists and filters,
/// customer search, the analytics figures and a chart, each asked for one request at a time by a client with a key.
/// </summary>
public sealed class ApiScenario : IBenchmarkScenario
{
    private const string Key = "crm_bench_key_for_this_run_only";

    /// <summary>What a back office types: parts of the demo shop's names and emails.</summary>
    private static readonly string[] DemoSearches = ["王", "李", "Zhang", "example.com", "Li", "陈"];

    private readonly Option<int> _orders = new("--orders")
    {
        Description = "Orders in the database (the demo shop is grown to this many through the shop import).",
        DefaultValueFactory = _ => 100_000,
    };

    private readonly Option<int> _requests = new("--requests")
    {
        Description = "Requests timed per endpoint (after a warm-up of 20).",
        DefaultValueFactory = _ => 300,
    };

    public string Name => "api";

    public string Description =>
        "Grows the demo shop to many orders, then times the REST API's order lists and filters, customer search, " +
        "the monthly revenue figures and a revenue chart over loopback HTTP (p50/p95/p99 ms).";

    public IReadOnlyList<Option> Options => [_orders, _requests];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var orderCount = context.GetValue(_orders);
        var requests = context.GetValue(_requests);
        var ct = context.CancellationToken;
        await using var server = await BotServer.StartAsync(ct, new Dictionary<string, string?>
        {
            ["Api:Keys:bench:Hash"] = ApiKey.Hash(Key),
            ["Api:Keys:bench:Scopes:0"] = ApiScopes.Read,
            ["Api:RateLimit:PermitLimit"] = "100000000",
        });

        await context.Output.WriteLineAsync($"Growing the demo shop to {orderCount:N0} orders...");
        var growing = Stopwatch.StartNew();
        var added = await GrownShop.GrowAsync(server.Services, orderCount, DateTimeOffset.UtcNow, ct);
        growing.Stop();
        var (customers, total) = await ShopAsync(server.Services, ct);

        using var client = LoopbackClient.Create(new Uri(server.BaseAddress, "/api/v1/"), connections: 1);
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, Key);
        var random = new Random(11);
        var today = DateTime.UtcNow.Date;
        string Month()
        {
            var from = today.AddDays(-random.Next(30, 700));
            return string.Create(CultureInfo.InvariantCulture, $"placedFrom={from:yyyy-MM-dd}T00:00:00Z&placedTo={from.AddDays(30):yyyy-MM-dd}T00:00:00Z");
        }

        (string Name, Func<string> Path)[] endpoints =
        [
            ("list orders", () => $"orders?page={random.Next(1, 11)}"),
            ("orders by status", () => $"orders?status={(random.Next(2) == 0 ? "Paid" : "Placed")}"),
            ("orders of a customer", () => $"orders?customerId={customers[random.Next(customers.Count)]}"),
            ("orders in a month", () => $"orders?{Month()}"),
            ("orders by status in a month", () => $"orders?status=Delivered&{Month()}"),
            ("search customers", () => $"customers?search={DemoSearches[random.Next(DemoSearches.Length)]}"),
            ("monthly revenue (12 months)", () => "analytics/revenue"),
            ("revenue chart PNG (12 months)", () => "analytics/charts/revenue.png"),
        ];

        List<BenchmarkFigure> figures =
        [
            new("orders added through the import", added, "orders"),
            new("growing the shop", growing.Elapsed.TotalSeconds, "s"),
        ];
        foreach (var (name, path) in endpoints)
        {
            await context.Output.WriteLineAsync($"Timing {name}...");
            figures.AddRange((await TimeAsync(client, path, requests, ct)).Figures(name));
        }

        return new BenchmarkResult(figures)
        {
            Parameters = new Dictionary<string, string>
            {
                ["database"] = "SQLite (WAL, file)",
                ["orders"] = total.ToString(CultureInfo.InvariantCulture),
                ["requests per endpoint"] = requests.ToString(CultureInfo.InvariantCulture),
                ["client"] = "one kept-alive connection, one request at a time",
            },
        };
    }

    private static async Task<(IReadOnlyList<Guid> Customers, int Orders)> ShopAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.ExternalId != null && c.ExternalId.StartsWith(DemoShop.ExternalIdPrefix))
            .Select(c => c.Id).ToListAsync(ct);
        return (customers, await db.Orders.CountAsync(ct));
    }

    private static async Task<Percentiles> TimeAsync(HttpClient client, Func<string> path, int count, CancellationToken ct)
    {
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(client, path(), ct);
        }

        var timings = new double[count];
        for (var i = 0; i < count; i++)
        {
            var next = path();
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, next, ct);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return Percentiles.Of(timings);
    }

    /// <summary>Reads the whole body, as a client would; anything but 200 stops the run, since its timing would mean nothing.</summary>
    private static async Task GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
