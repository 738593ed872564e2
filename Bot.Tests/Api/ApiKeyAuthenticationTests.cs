using System.Net;
using CrmBot.Api;

namespace CrmBot.Tests.Api;

/// <summary>API keys: none or an unknown one is 401, a key without the endpoint's scope 403, each as a problem.</summary>
public sealed class ApiKeyAuthenticationTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestWithoutAKeyIsUnauthorizedAndToldWhichHeaderToUse()
    {
        using var response = await app.Client(key: null).GetAsync("customers", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.Detail(), StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownKeyIsUnauthorized()
    {
        using var response = await app.Client("crm_not_a_key_of_ours").GetAsync("customers", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not known", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHashFromTheConfigurationIsNotAKey()
    {
        using var response = await app.Client(ApiKey.Hash(ApiApplication.Clerk)).GetAsync("customers", Ct);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AReadOnlyKeyCannotCreateAndIsToldTheScopeItLacks()
    {
        using var response = await app.Client(ApiApplication.Reader).PostJsonAsync("customers", new { name = "王五", email = "wang.wu@example.com" });

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'write' scope", problem.Detail(), StringComparison.Ordinal);
        Assert.Contains("reader", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteOnlyKeyCannotRead()
    {
        using var response = await app.Client(ApiApplication.Writer).GetAsync("products", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'read' scope", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadKeyReadsAndAWriteKeyWrites()
    {
        using var read = await app.Client(ApiApplication.Reader).GetAsync("products", Ct);
        using var write = await app.Client(ApiApplication.Writer).PostJsonAsync("customers", new { name = "赵六", email = "zhao.liu@example.com" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    [Fact]
    public async Task TheAuditTrailNamesTheKeyThatMadeTheChange()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync();

        var order = await app.PlaceOrderAsync(customer.Id, product.Sku);

        var placed = order.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Placed", placed.GetProperty("to").GetString());
        Assert.Equal("api:clerk", placed.GetProperty("actor").GetString());
    }
}
