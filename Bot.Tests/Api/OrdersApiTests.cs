using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBot.Tests.Api;

/// <summary>/api/v1/orders: placing, reading, listing and moving orders through their lifecycle.</summary>
public class OrdersApiTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task PlacingAnOrderReservesStockAndAnswersWithItsLocationAndETag()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(price: 25m, stock: 10);

        using var response = await _client.PostJsonAsync("orders", new { customerId = customer.Id, lines = new[] { new { sku = product.Sku, quantity = 3 } } });

        var order = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Placed", order.GetProperty("status").GetString());
        Assert.Equal(75m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal($"/api/v1/orders/{order.GetProperty("number").GetString()}", response.Headers.Location?.ToString());
        Assert.Equal($"\"{order.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        Assert.Equal(["pay", "cancel"], order.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(7, await app.StockAsync(product.Sku));
    }

    [Fact]
    public async Task GetsAnOrderWithItsTimelineAndETag()
    {
        var number = await PaidOrderAsync();

        using var response = await _client.GetAsync($"orders/{number}", Ct);

        var order = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Draft", "Placed", "Paid"], order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("to").GetString()));
        Assert.Equal($"\"{order.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        Assert.Equal(order.GetProperty("total").GetProperty("amount").GetDecimal(), order.GetProperty("amountPaid").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task AnOrderGoesFromPaymentToARefundThroughItsActionEndpoints()
    {
        var number = await PaidOrderAsync(price: 40m);

        using var shipped = await _client.PostJsonAsync($"orders/{number}/ship", new { carrier = "SF Express", trackingNumber = "SF1234567890" });
        using var delivered = await _client.PostAsync($"orders/{number}/deliver", null, Ct);
        using var refunded = await _client.PostJsonAsync($"orders/{number}/refund", new { amount = new { amount = 10m, currency = "CNY" }, reason = "Box dented" });

        Assert.Equal("SF1234567890", (await shipped.JsonAsync(HttpStatusCode.OK)).GetProperty("shipment").GetProperty("trackingNumber").GetString());
        Assert.Equal("Delivered", (await delivered.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        var order = await refunded.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("PartiallyRefunded", order.GetProperty("status").GetString());
        Assert.Equal(10m, order.GetProperty("amountRefunded").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task CancellingAnOrderGivesItsStockBack()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(stock: 5);
        var number = (await app.PlaceOrderAsync(customer.Id, product.Sku, quantity: 2)).GetProperty("number").GetString();

        using var response = await _client.PostJsonAsync($"orders/{number}/cancel", new { reason = "Changed my mind" });

        Assert.Equal("Cancelled", (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(5, await app.StockAsync(product.Sku));
    }

    [Fact]
    public async Task AnActionTheStatusDoesNotAllowIsAConflictThatSaysWhy()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync();
        var number = (await app.PlaceOrderAsync(customer.Id, product.Sku)).GetProperty("number").GetString();

        using var response = await _client.PostJsonAsync($"orders/{number}/ship", new { carrier = "SF Express", trackingNumber = "SF1" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("order.invalid_transition", problem.GetProperty("code").GetString());
        Assert.Contains(number!, problem.Detail(), StringComparison.Ordinal);
        Assert.Equal("Placed", (await OrderAsync(number!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task APaymentThatDoesNotSettleTheTotalIsABadRequest()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(price: 25m);
        var number = (await app.PlaceOrderAsync(customer.Id, product.Sku)).GetProperty("number").GetString();

        using var response = await _client.PostJsonAsync($"orders/{number}/pay", new { amount = new { amount = 20m, currency = "CNY" }, method = "alipay" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("does not settle it", problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrderIsNotFound()
    {
        using var get = await _client.GetAsync("orders/SO-99999999", Ct);
        using var pay = await _client.PostJsonAsync("orders/SO-99999999/pay", new { amount = new { amount = 1m, currency = "CNY" }, method = "card" });

        Assert.Contains("SO-99999999", (await get.ProblemAsync(HttpStatusCode.NotFound)).Detail(), StringComparison.Ordinal);
        await pay.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOrderWithoutLinesListsTheFieldAndAnUnknownProductSaysWhichOne()
    {
        var customer = await app.AddCustomerAsync();

        using var empty = await _client.PostJsonAsync("orders", new { customerId = customer.Id, lines = Array.Empty<object>() });
        using var unknown = await _client.PostJsonAsync("orders", new { customerId = customer.Id, lines = new[] { new { sku = "NOPE-1", quantity = 1 } } });
        using var noCustomer = await _client.PostJsonAsync("orders", new { customerId = Guid.NewGuid(), lines = new[] { new { sku = "NOPE-1", quantity = 1 } } });

        Assert.True((await empty.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("lines", out _));
        Assert.Contains("NOPE-1", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Detail(), StringComparison.Ordinal);
        await noCustomer.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.OrderCountAsync(customer.Id));
    }

    [Fact]
    public async Task ListsACustomersOrdersByStatusAndPlacedDateNewestFirst()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(stock: 100);
        var start = app.Clock.GetUtcNow();
        var numbers = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            numbers.Add((await app.PlaceOrderAsync(customer.Id, product.Sku)).GetProperty("number").GetString()!);
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        await _client.PostJsonAsync($"orders/{numbers[1]}/cancel", new { reason = "test" });
        var from = Uri.EscapeDataString(start.AddHours(1).ToString("O"));

        using var placed = await _client.GetAsync($"orders?customerId={customer.Id}&status=Placed", Ct);
        using var later = await _client.GetAsync($"orders?customerId={customer.Id}&placedFrom={from}&pageSize=1", Ct);
        using var laterPage2 = await _client.GetAsync($"orders?customerId={customer.Id}&placedFrom={from}&pageSize=1&page=2", Ct);

        Assert.Equal([numbers[2], numbers[0]], Numbers(await placed.JsonAsync(HttpStatusCode.OK)));
        var first = await later.JsonAsync(HttpStatusCode.OK);
        Assert.Equal([numbers[2]], Numbers(first));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var second = await laterPage2.JsonAsync(HttpStatusCode.OK);
        Assert.Equal([numbers[1]], Numbers(second));
        Assert.False(second.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task AnUnknownStatusFilterIsABadRequest()
    {
        using var response = await _client.GetAsync("orders?status=Lost", Ct);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static IEnumerable<string?> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString());

    private async Task<JsonElement> OrderAsync(string number) =>
        await _client.GetFromJsonAsync<JsonElement>($"orders/{number}", Ct);

    private async Task<string> PaidOrderAsync(decimal price = 25m)
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(price: price);
        var number = (await app.PlaceOrderAsync(customer.Id, product.Sku)).GetProperty("number").GetString()!;
        using var paid = await _client.PostJsonAsync($"orders/{number}/pay", new { amount = new { amount = price, currency = "CNY" }, method = "alipay", reference = "2026110200001" });
        await paid.JsonAsync(HttpStatusCode.OK);
        return number;
    }
}
