using CrmBot.Domain;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Support;

/// <summary>
/// A real SQLite database file in its own temp folder, migrated like production (MigrateAsync, so the
/// FTS5 index and its triggers exist), or a PostgreSQL database of its own (<see cref="PostgreSqlServer"/>),
/// with the domain services of <c>AddCrmDomain</c> on top and a <see cref="FakeTimeProvider"/> as the clock. Each helper call runs in a fresh scope, i.e. with its
/// own DbContext, like two separate requests would.
/// </summary>
/// <remarks>
/// Migrating takes ~100 ms (and even a MigrateAsync with nothing to do ~30 ms), so MigrateAsync runs once
/// per test run, into a template file that each test database starts as a copy of.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>When every test database's clock starts: a Monday morning, UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Rep = Actor.Rep(Guid.Parse("0197f1d2-0000-7000-8000-000000000001"), "Li Na");

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly ServiceProvider _services;

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString, ServiceProvider services, FakeTimeProvider clock)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        _services = services;
        Clock = clock;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The temp folder holding the database file (SQLite) or other files of the test; deleted on dispose.</summary>
    public string Folder { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    /// <summary>A SQLite test database.</summary>
    public static Task<TestDatabase> CreateAsync(CancellationToken ct, Action<IServiceCollection>? configure = null) =>
        CreateAsync(DatabaseProvider.Sqlite, ct, configure);

    /// <param name="provider">SQLite, or PostgreSQL (skips the test when no server is configured, see <see cref="PostgreSqlServer"/>).</param>
    /// <param name="ct">Cancels the wait for the template database.</param>
    /// <param name="configure">Extra registrations, applied after <c>AddCrmDomain</c> (e.g. interceptors).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var folder = NewFolder();
        string connectionString;
        if (provider == DatabaseProvider.PostgreSql)
        {
            connectionString = await PostgreSqlServer.CreateDatabaseAsync(ct);
        }
        else
        {
            var template = await Template.Value.WaitAsync(ct);
            var file = Path.Combine(folder, "crm.db");
            File.Copy(template, file);
            connectionString = $"Data Source={file}";
        }

        var clock = new FakeTimeProvider(Start);
        return new TestDatabase(provider, folder, connectionString, BuildServices(provider, folder, connectionString, clock, configure), clock);
    }

    /// <summary>A test database whose contexts also run <paramref name="interceptor"/>, e.g. a <see cref="TransactionGate"/>.</summary>
    public static Task<TestDatabase> CreateAsync(IInterceptor interceptor, CancellationToken ct, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        CreateAsync(provider, ct, services => ConfigureContexts(services, options => options.AddInterceptors(interceptor)));

    /// <summary>Configures the contexts of every provider (each has its own pool).</summary>
    public static void ConfigureContexts(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.ConfigureDbContext<SqliteCrmDbContext>(configure);
        services.ConfigureDbContext<PostgreSqlCrmDbContext>(configure);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = CreateScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = CreateScope();
        await work(scope.ServiceProvider);
    }

    public Task<T> OrdersAsync<T>(Func<OrderService, Task<T>> work) =>
        InScopeAsync(services => work(services.GetRequiredService<OrderService>()));

    public Task<T> CustomersAsync<T>(Func<CustomerService, Task<T>> work) =>
        InScopeAsync(services => work(services.GetRequiredService<CustomerService>()));

    public Task<T> WithDbAsync<T>(Func<CrmDbContext, Task<T>> work) =>
        InScopeAsync(services => work(services.GetRequiredService<CrmDbContext>()));

    public Task WithDbAsync(Func<CrmDbContext, Task> work) =>
        InScopeAsync(services => work(services.GetRequiredService<CrmDbContext>()));

    public Task<Customer> AddCustomerAsync(string name, string? email, string? phone, CancellationToken ct) =>
        CustomersAsync(customers => customers.CreateAsync(new CustomerProfile(name, email, phone), ct));

    public Task<Customer> AddCustomerAsync(CancellationToken ct) =>
        AddCustomerAsync("张三", "zhang.san@example.com", "138 0013 8000", ct);

    public Task<Product> AddProductAsync(string sku, decimal price, int stock, CancellationToken ct, string currency = "CNY", string? name = null) =>
        WithDbAsync(async db =>
        {
            var product = new Product(sku, name ?? $"Product {sku}", new Money(price, currency), stock);
            db.Products.Add(product);
            await db.SaveChangesAsync(ct);
            return product;
        });

    public Task<Order> PlaceAsync(Guid customerId, CancellationToken ct, params OrderLineRequest[] lines) =>
        OrdersAsync(orders => orders.PlaceAsync(new PlaceOrderRequest(customerId, lines), Rep, ct));

    /// <summary>The order as the database has it now, read through a fresh context.</summary>
    public async Task<Order> ReloadAsync(string number, CancellationToken ct) =>
        await OrdersAsync(orders => orders.FindAsync(number, ct)) ?? throw new InvalidOperationException($"Order {number} is not in the database.");

    public Task<int> StockAsync(string sku, CancellationToken ct) =>
        WithDbAsync(db => db.Products.Where(p => p.Sku == sku).Select(p => p.Stock).SingleAsync(ct));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await PostgreSqlServer.DropDatabaseAsync(ConnectionString);
        }
        else
        {
            ClearPool(ConnectionString);
        }

        DeleteFolder(Folder);
    }

    private static ServiceProvider BuildServices(
        DatabaseProvider provider, string folder, string connectionString, FakeTimeProvider clock, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmDomain();
        services.Configure<DatabaseOptions>(options =>
        {
            options.Provider = provider;
            options.DataDirectory = folder;
            options.ConnectionString = connectionString;
            options.SeedDemoData = false;
        });
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(clock);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = NewFolder();
        var file = Path.Combine(folder, "template.db");
        await using (var services = BuildServices(DatabaseProvider.Sqlite, folder, $"Data Source={file}", new FakeTimeProvider(Start), configure: null))
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database;
            await database.MigrateAsync(CancellationToken.None);

            // Everything into the main file (the database runs in WAL mode), so that a plain copy is complete.
            await database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
        }

        ClearPool($"Data Source={file}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(folder);
        return file;
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves some bytes in the temp folder.
        }
    }
}
