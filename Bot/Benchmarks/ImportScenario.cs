using System.CommandLine;
using System.Globalization;
using System.Text;
using Bogus;
using CrmBot.Domain.Import;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;

namespace CrmBot.Benchmarks;

/// <summary>
/// The data import on a real SQLite file: a shop's history generated into CSV files, imported into an empty database,
/// then imported again (every row found unchanged).
/// </summary>
public sealed class ImportScenario : IBenchmarkScenario
{
    private static readonly OrderStatus[] Statuses =
        [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    private readonly Option<int> _customers = new("--customers")
    {
        Description = "Customers in customers.csv.",
        DefaultValueFactory = _ => 50_000,
    };

    private readonly Option<int> _orders = new("--orders")
    {
        Description = "Orders in orders.csv.",
        DefaultValueFactory = _ => 100_000,
    };

    private readonly Option<int> _interactions = new("--interactions")
    {
        Description = "Calls, chats, emails and notes in interactions.csv.",
        DefaultValueFactory = _ => 50_000,
    };

    public string Name => "import";

    public string Description =>
        "Generates a shop's history as CSV files and imports it into an empty SQLite database, then again: rows/s of " +
        "each file on the first import and on the re-run.";

    public IReadOnlyList<Option> Options => [_customers, _orders, _interactions];

    public async Task<BenchmarkResult> RunAsync(BenchmarkContext context)
    {
        var customerCount = context.GetValue(_customers);
        var orderCount = context.GetValue(_orders);
        var interactionCount = context.GetValue(_interactions);
        var ct = context.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("crmbot-bench-");
        try
        {
            await context.Output.WriteLineAsync($"Writing {customerCount:N0} customers, {orderCount:N0} orders and {interactionCount:N0} interactions to {directory.FullName}...");
            var files = await WriteFilesAsync(directory.FullName, customerCount, orderCount, interactionCount, ct);

            await using var services = DomainDatabase.Services(directory.FullName);
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<CrmDatabase>().MigrateAsync(ct);
            }

            await context.Output.WriteLineAsync("Importing into an empty database...");
            var first = await ImportAsync(services, files, ct);
            await context.Output.WriteLineAsync("Importing the same files again...");
            var again = await ImportAsync(services, files, ct);

            List<BenchmarkFigure> figures = [];
            foreach (var (run, summary) in new[] { ("first import", first), ("re-run", again) })
            {
                figures.Add(new($"{run}: all rows", summary.Read / summary.Elapsed.TotalSeconds, "rows/s"));
                figures.Add(new($"{run}: time", summary.Elapsed.TotalSeconds, "s"));
            }

            return new BenchmarkResult(figures)
            {
                Parameters = new Dictionary<string, string>
                {
                    ["database"] = "SQLite (WAL, file)",
                    ["customers"] = customerCount.ToString(CultureInfo.InvariantCulture),
                    ["orders"] = orderCount.ToString(CultureInfo.InvariantCulture),
                    ["interactions"] = interactionCount.ToString(CultureInfo.InvariantCulture),
                    ["rejected on first import"] = first.Rejected.ToString(CultureInfo.InvariantCulture),
                },
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<ImportSummary> ImportAsync(ServiceProvider services, ImportFiles files, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShopImport>().RunAsync(files, ct: ct);
    }

    private static async Task<ImportFiles> WriteFilesAsync(string directory, int customers, int orders, int interactions, CancellationToken ct)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(11) };
        var random = new Random(5);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var files = new ImportFiles(
            Path.Combine(directory, "customers.csv"), Path.Combine(directory, "orders.csv"), Path.Combine(directory, "interactions.csv"));

        await WriteAsync(files.Customers, "external_id,name,email,phone,city,country,created_at", customers, i =>
            $"c-{i},{faker.Name.FullName()},customer{i}@example.com,1{faker.PickRandom(38, 39, 50, 86)}{i:00000000},{faker.Address.City()},CN,{start.AddMinutes(i):yyyy-MM-dd'T'HH:mm:sszzz}", ct);
        await WriteAsync(files.Orders, "external_id,customer_external_id,placed_at,status,total,currency", orders, i =>
            $"o-{i},c-{random.Next(customers)},{start.AddDays(400).AddMinutes(i):yyyy-MM-dd'T'HH:mm:sszzz},{Statuses[random.Next(Statuses.Length)]},{random.Next(10, 5000)}.{random.Next(100):00},CNY", ct);
        await WriteAsync(files.Interactions!, "customer_external_id,occurred_at,kind", interactions, i =>
            $"c-{random.Next(customers)},{start.AddDays(400).AddSeconds(i * 7):yyyy-MM-dd'T'HH:mm:sszzz},{(i % 4 == 0 ? "call" : "note")}", ct);
        return files;
    }

    private static async Task WriteAsync(string path, string header, int rows, Func<int, FormattableString> row, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync(header);
        for (var i = 0; i < rows; i++)
        {
            await writer.WriteLineAsync(row(i).ToString(CultureInfo.InvariantCulture).AsMemory(), ct);
        }
    }
}
