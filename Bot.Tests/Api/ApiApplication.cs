using System.Net.Http.Json;
using System.Text.Json;
using CrmBot.Api;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using CrmBot.Domain.SalesReps;
using CrmBot.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.Api;

/// <summary>
/// The real app with three API keys (only their hashes in configuration): <see cref="Clerk"/> may read and write,
/// <see cref="Reader"/> only read, <see cref="Writer"/> only write. A clock tests can move.
/// </summary>
public class ApiApplication : BotApplication
{
    public const string Clerk = "crm_test_clerk_key";
    public const string Reader = "crm_test_reader_key";
    public const string Writer = "crm_test_writer_key";
    public const string Other = "crm_test_other_clerk_key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Api:Keys:clerk:Hash"] = ApiKey.Hash(Clerk),
        ["Api:Keys:clerk:Scopes:0"] = "read",
        ["Api:Keys:clerk:Scopes:1"] = "write",
        ["Api:Keys:other:Hash"] = ApiKey.Hash(Other),
        ["Api:Keys:other:Scopes:0"] = "read",
        ["Api:Keys:other:Scopes:1"] = "write",
        ["Api:Keys:reader:Hash"] = ApiKey.Hash(Reader),
        ["Api:Keys:reader:Scopes:0"] = "read",
        ["Api:Keys:writer:Hash"] = ApiKey.Hash(Writer),
        ["Api:Keys:writer:Scopes:0"] = "write",
        ["Api:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected virtual int PermitLimit => 100_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that sends <paramref name="key"/> in X-Api-Key (none when null).</summary>
    public HttpClient Client(string? key = Clerk)
    {
        var client = CreateClient(new() { BaseAddress = new Uri("http://localhost/api/v1/") });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKey.HeaderName, key);
        }

        return client;
    }

    public async Task<Customer> AddCustomerAsync(string name = "张三", string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerService>()
            .CreateAsync(new CustomerProfile(name, email ?? $"{Guid.NewGuid():N}@example.com", Phone: null), Ct);
    }

    /// <summary>A product with a SKU no other test uses.</summary>
    public async Task<Product> AddProductAsync(decimal price = 25m, int stock = 10, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sku = $"T-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<ProductCatalog>().AddAsync(sku, name ?? $"Tea {sku}", new Money(price, "CNY"), stock, Ct);
    }

    public async Task<int> StockAsync(string sku)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProductCatalog>().GetBySkuAsync(sku, Ct)).Stock;
    }

    public async Task<int> OrderCountAsync(Guid customerId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return db.Orders.Count(o => o.CustomerId == customerId);
    }

    public async Task<SalesRep> AddRepAsync(string name = "Li Na")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var rep = new SalesRep(name, $"{Guid.NewGuid():N}@example.com", aadObjectId: null, dailyCallCapacity: 10);
        db.SalesReps.Add(rep);
        await db.SaveChangesAsync(Ct);
        return rep;
    }

    /// <summary>Places an order through the API and returns its body.</summary>
    public async Task<JsonElement> PlaceOrderAsync(Guid customerId, string sku, int quantity = 1, string? idempotencyKey = null)
    {
        using var response = await Client().PlaceOrderAsync("orders", customerId, sku, quantity, idempotencyKey, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
