using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bogus;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;

namespace CrmBot.Benchmarks;

/// <summary>
/// The domain layer on a real SQLite file (or a PostgreSQL database): orders placed one by one through
/// <see cref="OrderService"/> (each in its own scope, like a request), and customer search over a large customer base.
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
        Description = "Searches of each kind (name prefix, email, phone, Chinese name and its parts, address).",
        DefaultValueFactory = _ => 1_000,
    };

    private readonly Option<string> _postgres = new("--postgres")
    {
        Description = "Connection string of a PostgreSQL server (no database: the run creates and drops one) to run on " +
            "instead of SQLite, e.g. Host=localhost;Username=postgres;Password=postgres. The demo shop's first start stays on SQLite.",
    };

    public string Name => "domain";

    public string Description =>
        "Places orders one by one through the domain service on SQLite (orders/s) and searches a large customer base " +
        "by name prefix, email, phone, Chinese full name, a given-name character, a two-character inner part and an address " +
        "part (p50/p95/p99 ms); on PostgreSQL with --postgres.";

    public IReadOnlyList<Option> Options => [_customers, _orders, _searches, _postgres];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var customerCount = context.GetValue(_customers);
        var orderCount = context.GetValue(_orders);
        var searchCount = context.GetValue(_searches);
        var server = context.GetValue(_postgres);
        var ct = context.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("crmbot-bench-");
        await using var postgres = string.IsNullOrWhiteSpace(server) ? null : await ScratchPostgreSqlDatabase.CreateAsync(server, ct);
        try
        {
            await context.Output.WriteLineAsync("Loading the demo shop into an empty database...");
            var seeding = await SeedDemoShopAsync(Path.Combine(directory.FullName, "demo"), ct);

            await using var services = DomainDatabase.Services(directory.FullName, postgreSql: postgres?.ConnectionString);
            await context.Output.WriteLineAsync($"Creating {customerCount:N0} customers and 60 products in {postgres?.Name ?? directory.FullName}...");
            var people = await SeedAsync(services, customerCount, ct);
            if (postgres is not null)
            {
                // As autovacuum would have by the time a real customer base of this size is searched.
                await postgres.ExecuteAsync("VACUUM ANALYZE \"Customers\"", ct);
            }

            await context.Output.WriteLineAsync($"Placing {orderCount:N0} orders one by one...");
            var placing = await PlaceOrdersAsync(services, people, orderCount, ct);

            await context.Output.WriteLineAsync($"Searching {searchCount:N0} times by name prefix, email, phone, Chinese name and its parts, address...");
            var random = new Random(7);
            var chinese = people.Where(p => Customer.IsCjk(p.Name[0])).ToList();
            var longChinese = chinese.Where(p => p.Name.Length >= 3).ToList();
            var byName = await SearchAsync(services, searchCount, () => NamePrefix(people[random.Next(people.Count)].Name), ct);
            var byEmail = await SearchAsync(services, searchCount, () => people[random.Next(people.Count)].Email!, ct);
            var byPhone = await SearchAsync(services, searchCount, () => NationalWithSpaces(people[random.Next(people.Count)].PhoneNational!), ct);
            var byChineseName = await SearchAsync(services, searchCount, () => chinese[random.Next(chinese.Count)].Name, ct);
            var byGivenCharacter = await SearchAsync(services, searchCount, () => chinese[random.Next(chinese.Count)].Name[^1..], ct);
            var byInnerPart = await SearchAsync(services, searchCount, () => longChinese[random.Next(longChinese.Count)].Name[1..3], ct);
            var byAddress = await SearchAsync(services, searchCount, () => AddressPart(people[random.Next(people.Count)].Address!, random), ct);

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
            figures.AddRange(byChineseName.Figures("search by Chinese full name"));
            figures.AddRange(byGivenCharacter.Figures("search by a given-name character"));
            figures.AddRange(byInnerPart.Figures("search by a two-character inner part"));
            figures.AddRange(byAddress.Figures("search by an address part"));
            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["database"] = postgres is null ? "SQLite (WAL, file)" : "PostgreSQL (same machine)",
                    ["customers"] = customerCount.ToString(CultureInfo.InvariantCulture),
                    ["orders"] = orderCount.ToString(CultureInfo.InvariantCulture),
                    ["searches per kind"] = searchCount.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<TimeSpan> SeedDemoShopAsync(string directory, CancellationToken ct)
    {
        await using var services = DomainDatabase.Services(directory, seedDemoData: true);
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(ct);
        return Stopwatch.GetElapsedTime(started);
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

                // Surname first, as Chinese names are written (Bogus's full name puts the given name first).
                var name = faker == chinese ? faker.Name.LastName() + faker.Name.FirstName() : faker.Name.FullName();
                var phone = string.Create(CultureInfo.InvariantCulture, $"+861{faker.PickRandom(38, 39, 50, 86, 88)}{i:00000000}");
                var address = new PostalAddress(faker.Address.StreetAddress(), faker.Address.City(), faker.Address.State(), faker.Address.ZipCode(), faker == chinese ? "CN" : "US");
                var customer = new Customer(new CustomerProfile(name, $"customer{i}@example.com", phone, address), "CN", now);
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
        var misses = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var query = nextQuery();
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                var page = await scope.ServiceProvider.GetRequiredService<CustomerService>().SearchAsync(query, 1, 10, ct);
                if (page.Items.Count == 0)
                {
                    misses.Add(query);
                }
            }

            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // A search that finds nothing would make the figures meaningless.
        return misses.Count == 0
            ? Percentiles.Of(timings)
            : throw new InvalidOperationException($"{misses.Count} of {count} searches found nobody: {string.Join(", ", misses.Take(5))}.");
    }

    /// <summary>What a rep types to find someone: the first word's first three letters, or a Chinese surname.</summary>
    private static string NamePrefix(string name) =>
        Customer.IsCjk(name[0]) ? name[..1] : name.Split(' ')[0][..Math.Min(3, name.Split(' ')[0].Length)];

    /// <summary>What a rep remembers of where someone lives: the city, or the street's name (the text before or after its number).</summary>
    private static string AddressPart(PostalAddress address, Random random)
    {
        var street = string.Concat((address.Street ?? string.Empty).SkipWhile(c => char.IsAsciiDigit(c) || c == ' ').TakeWhile(c => !char.IsAsciiDigit(c))).Trim();
        return random.Next(2) == 0 || street.Length == 0 ? address.City : street;
    }

    private static string NationalWithSpaces(string national) => $"{national[..3]} {national[3..7]} {national[7..]}";
}
