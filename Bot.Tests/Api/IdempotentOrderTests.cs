using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBot.Tests.Api;

/// <summary>POST /orders with an Idempotency-Key: a retried request places one order, whenever it arrives.</summary>
public class IdempotentOrderTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameKeyTwiceAnswersTheSameOrderFirstCreatedThenOk()
    {
        var (customerId, sku) = await ShopAsync();

        using var first = await app.Client().PlaceOrderAsync("orders", customerId, sku, 2, "retry-1", Ct);
        using var second = await app.Client().PlaceOrderAsync("orders", customerId, sku, 2, "retry-1", Ct);

        var created = await first.JsonAsync(HttpStatusCode.Created);
        var replayed = await second.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("number").GetString(), replayed.GetProperty("number").GetString());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await app.OrderCountAsync(customerId));
        Assert.Equal(8, await app.StockAsync(sku));
    }

    [Fact]
    public async Task TheSameKeyFromManyRequestsAtOncePlacesOneOrder()
    {
        var (customerId, sku) = await ShopAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => app.Client().PlaceOrderAsync("orders", customerId, sku, 2, "burst-1", Ct), Ct)));

        var numbers = new List<string?>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, response.StatusCode.ToString());
                numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString());
            }
        }

        Assert.Single(numbers.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await app.OrderCountAsync(customerId));
        Assert.Equal(8, await app.StockAsync(sku));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefusedAndPlacesNothing()
    {
        var (customerId, sku) = await ShopAsync();
        using var first = await app.Client().PlaceOrderAsync("orders", customerId, sku, 2, "reused-1", Ct);
        var number = (await first.JsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString();

        using var second = await app.Client().PlaceOrderAsync("orders", customerId, sku, 5, "reused-1", Ct);

        var problem = await second.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(number!, problem.Detail(), StringComparison.Ordinal);
        Assert.Equal(1, await app.OrderCountAsync(customerId));
        Assert.Equal(8, await app.StockAsync(sku));
    }

    [Fact]
    public async Task TwoKeyHoldersUsingTheSameIdempotencyKeyGetTheirOwnOrders()
    {
        var (customerId, sku) = await ShopAsync();

        using var mine = await app.Client(ApiApplication.Clerk).PlaceOrderAsync("orders", customerId, sku, 1, "order-1", Ct);
        using var theirs = await app.Client(ApiApplication.Other).PlaceOrderAsync("orders", customerId, sku, 1, "order-1", Ct);

        Assert.NotEqual(
            (await mine.JsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString(),
            (await theirs.JsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString());
    }

    [Fact]
    public async Task WithoutAKeyEachRequestPlacesAnOrder()
    {
        var (customerId, sku) = await ShopAsync();

        using var first = await app.Client().PlaceOrderAsync("orders", customerId, sku, 1, idempotencyKey: null, Ct);
        using var second = await app.Client().PlaceOrderAsync("orders", customerId, sku, 1, idempotencyKey: null, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, await app.OrderCountAsync(customerId));
    }

    [Fact]
    public async Task AnOverlongKeyIsABadRequest()
    {
        var (customerId, sku) = await ShopAsync();

        using var response = await app.Client().PlaceOrderAsync("orders", customerId, sku, 1, new string('k', 65), Ct);

        Assert.Contains("Idempotency-Key", (await response.ProblemAsync(HttpStatusCode.BadRequest)).Detail(), StringComparison.Ordinal);
        Assert.Equal(0, await app.OrderCountAsync(customerId));
    }

    private async Task<(Guid CustomerId, string Sku)> ShopAsync()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(stock: 10);
        return (customer.Id, product.Sku);
    }
}
