using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bogus;
using CrmBot.Domain;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;

namespace CrmBot.Benchmarks;

/// <summary>
/// The domain layer on a real SQLite file: orders placed one by one through <see cref="OrderService"/>
/// (each in its own scope, like a request), and customer search over a large customer base.
/// </summary>
public sealed class DomainScenario : IBenchmarkScenario
{
    private readonly Option<int> _customers = new("--customers")
    {
        Description = "Customers in the database searched over.",
        DefaultValueFactory = _ => 100_000,
    };

    private readonly Option<int> _orders = new("--orders")
    {
        Description = "Orders placed one by one.",
        DefaultValueFactory = _ => 5_000,
    };

    private readonly Option<int> _searches = new("--searches")
    {
        Description = "Searches of each kind (name prefix, email, phone).",
        DefaultValueFactory = _ => 1_000,
    };

    public string Name => "domain";

    public string Description =>
        "Places orders one by one through the domain service on SQLite (orders/s) and searches a large customer base " +
        "by name prefix, email and phone (p50/p95/p99 ms).";

    public IReadOnlyList<Option> Options => [_customers, _orders, _searches];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var customerCount = context.GetValue(_customers);
        var orderCount = context.GetValue(_orders);
        var searchCount = context.GetValue(_searches);
        var ct = context.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("crmbot-bench-");
        try
        {
            await context.Output.WriteLineAsync("Loading the demo shop into an empty database...");
            var seeding = await SeedDemoShopAsync(Path.Combine(directory.FullName, "demo"), ct);

            await using var services = BuildServices(directory.FullName);
            await context.Output.WriteLineAsync($"Creating {customerCount:N0} customers and 60 products in {directory.FullName}...");
            var people = await SeedAsync(services, customerCount, ct);

            await context.Output.WriteLineAsync($"Placing {orderCount:N0} orders one by one...");
            var placing = await PlaceOrdersAsync(services, people, orderCount, ct);

            await context.Output.WriteLineAsync($"Searching {searchCount:N0} times by name prefix, email and phone...");
            var random = new Random(7);
            var byName = await SearchAsync(services, searchCount, () => NamePrefix(people[random.Next(people.Count)].Name), ct);
            var byEmail = await SearchAsync(services, searchCount, () => people[random.Next(people.Count)].Email!, ct);
            var byPhone = await SearchAsync(services, searchCount, () => NationalWithSpaces(people[random.Next(people.Count)].PhoneNational!), ct);

            List<BenchmarkFigure> figures =
            [
                new("demo shop loaded (first start)", seeding.TotalSeconds, "s"),
                new("orders placed", placing.Throughput, "orders/s"),
                new("place order p50", placing.Latency.P50, "ms"),
                new("place order p95", placing.Latency.P95, "ms"),
            ];
            figures.AddRange(byName.Figures("search by name prefix"));
            figures.AddRange(byEmail.Figures("search by email"));
            figures.AddRange(byPhone.Figures("search by phone"));
            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["database"] = "SQLite (WAL, file)",
                    ["customers"] = customerCount.ToString(CultureInfo.InvariantCulture),
                    ["orders"] = orderCount.ToString(CultureInfo.InvariantCulture),
                    ["searches per kind"] = searchCount.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<TimeSpan> SeedDemoShopAsync(string directory, CancellationToken ct)
    {
        await using var services = BuildServices(directory, seedDemoData: true);
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(ct);
        return Stopwatch.GetElapsedTime(started);
    }

    internal static ServiceProvider BuildServices(string directory, bool seedDemoData = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmDomain();
        services.Configure<DatabaseOptions>(options =>
        {
            options.DataDirectory = directory;
            options.SeedDemoData = seedDemoData;
        });
        return services.BuildServiceProvider();
    }

    private static async Task<List<Customer>> SeedAsync(ServiceProvider services, int customerCount, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(ct);
        }

        var chinese = new Faker("zh_CN") { Random = new Randomizer(1) };
        var english = new Faker("en") { Random = new Randomizer(2) };
        var now = DateTimeOffset.UtcNow;
        var people = new List<Customer>(customerCount);
        const int batch = 5_000;
        for (var start = 0; start < customerCount; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            if (start == 0)
            {
                db.Products.AddRange(Enumerable.Range(1, 60).Select(i =>
                    new Product($"BENCH-{i:00}", $"Bench product {i}", new Money(9.9m + i, "CNY"), 1_000_000)));
            }

            for (var i = start; i < Math.Min(start + batch, customerCount); i++)
            {
                var faker = i % 4 == 0 ? english : chinese;
                var name = faker.Name.FullName();
                var phone = string.Create(CultureInfo.InvariantCulture, $"1{faker.PickRandom(38, 39, 50, 86, 88)}{i:00000000}");
                var customer = new Customer(new CustomerProfile(name, $"customer{i}@example.com", phone), "CN", now);
                people.Add(customer);
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync(ct);
        }

        return people;
    }

    private static async Task<(double Throughput, Percentiles Latency)> PlaceOrdersAsync(
        ServiceProvider services, List<Customer> people, int orderCount, CancellationToken ct)
    {
        var random = new Random(3);
        var timings = new double[orderCount];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < orderCount; i++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new OrderLineRequest($"BENCH-{random.Next(1, 61):00}", random.Next(1, 4)))
                .ToList();
            var request = new PlaceOrderRequest(people[random.Next(people.Count)].Id, lines, $"bench-{i}");
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(request, Actor.System, ct);
            }

            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return (orderCount / total.Elapsed.TotalSeconds, Percentiles.Of(timings));
    }

    private static async Task<Percentiles> SearchAsync(ServiceProvider services, int count, Func<string> nextQuery, CancellationToken ct)
    {
        var timings = new double[count];
        var misses = 0;
        for (var i = 0; i < count; i++)
        {
            var query = nextQuery();
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                var page = await scope.ServiceProvider.GetRequiredService<CustomerService>().SearchAsync(query, 1, 10, ct);
                misses += page.Items.Count == 0 ? 1 : 0;
            }

            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // A search that finds nothing would make the figures meaningless.
        return misses == 0 ? Percentiles.Of(timings) : throw new InvalidOperationException($"{misses} of {count} searches found nobody.");
    }

    /// <summary>What a rep types to find someone: the first word's first three letters, or a Chinese surname.</summary>
    private static string NamePrefix(string name) =>
        Customer.IsCjk(name[0]) ? name[..1] : name.Split(' ')[0][..Math.Min(3, name.Split(' ')[0].Length)];

    private static string NationalWithSpaces(string national) => $"{national[..3]} {national[3..7]} {national[7..]}";
}
