using System.Net;

namespace CrmBot.Tests.Api;

/// <summary>/api/v1/products: the catalogue, new products, stock and price.</summary>
public class ProductsApiTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task AddsAProductAndFindsItBySkuInAnyCase()
    {
        using var created = await _client.PostJsonAsync("products", new { sku = "oolong-250", name = "Oolong 250 g", price = new { amount = 68.5m, currency = "CNY" }, stock = 12 });

        var body = await created.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("OOLONG-250", body.GetProperty("sku").GetString());
        using var fetched = await _client.GetAsync("products/oolong-250", Ct);
        var product = await fetched.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(68.5m, product.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", product.GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal(12, product.GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task ASecondProductWithTheSameSkuIsAConflict()
    {
        var existing = await app.AddProductAsync();

        using var response = await _client.PostJsonAsync("products", new { sku = existing.Sku.ToLowerInvariant(), name = "Copy", price = new { amount = 1m, currency = "CNY" } });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(existing.Sku, problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductWithoutAPriceListsTheMissingFields()
    {
        using var response = await _client.PostJsonAsync("products", new { sku = "X-1", price = new { amount = 5m } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "price.currency"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SetsTheStock()
    {
        var product = await app.AddProductAsync(stock: 3);

        using var response = await _client.PutJsonAsync($"products/{product.Sku}/stock", new { stock = 40 });

        Assert.Equal(40, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("stock").GetInt32());
        Assert.Equal(40, await app.StockAsync(product.Sku));
    }

    [Fact]
    public async Task NegativeStockIsRefusedAndNothingChanges()
    {
        var product = await app.AddProductAsync(stock: 3);

        using var response = await _client.PutJsonAsync($"products/{product.Sku}/stock", new { stock = -1 });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("stock", out _));
        Assert.Equal(3, await app.StockAsync(product.Sku));
    }

    [Fact]
    public async Task SetsThePrice()
    {
        var product = await app.AddProductAsync(price: 25m);

        using var response = await _client.PutJsonAsync($"products/{product.Sku}/price", new { amount = 29.9m, currency = "CNY" });

        Assert.Equal(29.9m, (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("price").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task APriceInAnotherCurrencyIsRefusedWithTheReason()
    {
        var product = await app.AddProductAsync(price: 25m);

        using var response = await _client.PutJsonAsync($"products/{product.Sku}/price", new { amount = 3m, currency = "USD" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must be in CNY", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSkuIsNotFound()
    {
        using var get = await _client.GetAsync("products/NO-SUCH-SKU", Ct);
        using var stock = await _client.PutJsonAsync("products/NO-SUCH-SKU/stock", new { stock = 1 });

        Assert.Contains("NO-SUCH-SKU", (await get.ProblemAsync(HttpStatusCode.NotFound)).Detail(), StringComparison.Ordinal);
        await stock.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListsProductsMatchingASearchAPageAtATime()
    {
        var word = $"Jasmine{Guid.NewGuid():N}"[..14];
        await app.AddProductAsync(name: $"{word} A");
        await app.AddProductAsync(name: $"{word} B");

        using var response = await _client.GetAsync($"products?search={word}&pageSize=1", Ct);

        var page = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"{word} A", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.True(page.GetProperty("hasMore").GetBoolean());
    }

    [Theory]
    [InlineData("page=2147483647&pageSize=50", "numbered 1 to 42,949,672 (got 2147483647)")]
    [InlineData("page=0", "numbered 1 to")]
    [InlineData("pageSize=51", "A page holds 1 to 50 products (got 51)")]
    public async Task APageOutOfRangeIsABadRequestThatSaysWhatIsAllowed(string query, string said)
    {
        using var response = await _client.GetAsync($"products?{query}", Ct);

        Assert.Contains(said, (await response.ProblemAsync(HttpStatusCode.BadRequest)).Detail(), StringComparison.Ordinal);
    }
}
