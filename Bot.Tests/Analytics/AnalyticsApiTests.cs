using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmBot.Analytics;
using CrmBot.Domain.Analytics;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Products;
using CrmBot.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CrmBot.Tests.Analytics;

/// <summary>The analytics figures as JSON and the charts as PNG over the real HTTP pipeline, on a shop of two orders placed today.</summary>
public sealed class AnalyticsApiTests(AnalyticsApiTests.ShopApplication app) : IClassFixture<AnalyticsApiTests.ShopApplication>
{
    private readonly HttpClient _client = app.Client(ApiApplication.Reader);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Today => app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task RevenueIsServedAsJsonForTheDaysAsked()
    {
        var revenue = await GetJsonAsync($"analytics/revenue?from={Today}&to={Today}");

        Assert.Equal(90m, (decimal)revenue["revenue"]!["amount"]!);
        Assert.Equal("CNY", (string?)revenue["currency"]);
        Assert.Equal(Today, (string?)revenue["range"]!["from"]);
        Assert.Equal(90m, (decimal)Assert.Single(revenue["months"]!.AsArray())!["revenue"]!["amount"]!);
    }

    [Fact]
    public async Task OrdersComeWithConversionAndStatusesByName()
    {
        var orders = await GetJsonAsync($"analytics/orders?from={Today}&to={Today}");

        Assert.Equal((2, 1), ((int)orders["placed"]!, (int)orders["paid"]!));
        Assert.Equal(0.5, (double)orders["conversion"]!);
        Assert.Equal(["Placed", "Paid"], orders["statuses"]!.AsArray().Select(s => (string?)s!["status"]));
        Assert.Equal(90m, (decimal)orders["averageOrderValue"]!["mean"]!["amount"]!);
    }

    [Fact]
    public async Task CustomersTopCustomersAndTopProductsAreServedToo()
    {
        var customers = await GetJsonAsync("analytics/customers");
        var topCustomers = (await GetJsonAsync("analytics/top-customers?count=3")).AsArray();
        var topProducts = (await GetJsonAsync("analytics/top-products")).AsArray();

        Assert.Equal((1, 1, 1), ((int)customers["new"]!, (int)customers["active"]!, (int)customers["customers"]!));
        Assert.Equal("Alice", (string?)Assert.Single(topCustomers)!["name"]);
        Assert.Equal(("TEA", 2), ((string?)Assert.Single(topProducts)!["sku"], (int)topProducts[0]!["quantity"]!));
    }

    [Theory]
    [InlineData("revenue")]
    [InlineData("orders-by-status")]
    [InlineData("top-customers")]
    [InlineData("customers")]
    public async Task EveryChartIsServedAsAPng(string name)
    {
        var response = await _client.GetAsync($"/api/v1/analytics/charts/{name}.png", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((AnalyticsCharts.Width, AnalyticsCharts.Height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task AnUnknownChartIsNotFound()
    {
        var response = await _client.GetAsync("/api/v1/analytics/charts/pie.png", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ARangeThatEndsBeforeItStartsIsABadRequestWithProblemDetails()
    {
        var response = await _client.GetAsync("/api/v1/analytics/revenue?from=2026-05-01&to=2026-04-01", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Contains("before it starts", (string?)problem!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ApiApplication.Writer, HttpStatusCode.Forbidden)]
    public async Task FiguresAndChartsNeedAKeyThatMayRead(string? key, HttpStatusCode expected)
    {
        using var client = app.Client(key);

        Assert.Equal(expected, (await client.GetAsync("analytics/revenue", Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("analytics/charts/revenue.png", Ct)).StatusCode);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync($"/api/v1/{path}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    /// <summary>The app with one customer, Alice, who ordered today: two teas (90.00 CNY, paid) and one more (45.00, not paid).</summary>
    public sealed class ShopApplication : ApiApplication, IAsyncLifetime
    {
        public DateOnly Today { get; private set; }

        public async ValueTask InitializeAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            Today = services.GetRequiredService<ShopCalendar>().Today;
            var db = services.GetRequiredService<CrmDbContext>();
            db.Products.Add(new Product("TEA", "Longjing tea", new Money(45m, "CNY"), 10));
            await db.SaveChangesAsync(CancellationToken.None);
            var alice = await services.GetRequiredService<CustomerService>().CreateAsync(new CustomerProfile("Alice", "alice@example.com", null));
            var orders = services.GetRequiredService<OrderService>();
            var paid = await orders.PlaceAsync(new PlaceOrderRequest(alice.Id, [new OrderLineRequest("TEA", 2)]), Actor.System);
            await orders.PayAsync(paid.Number, paid.Total, "alipay", null, Actor.System);
            await orders.PlaceAsync(new PlaceOrderRequest(alice.Id, [new OrderLineRequest("TEA", 1)]), Actor.System);
            // Figures count what happened before now; on a clock that stands still, that is nothing yet.
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
