using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBot.Tests.Api;

/// <summary>If-Match on order actions: a change made on a stale copy of the order is refused and changes nothing.</summary>
public class OrderETagTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task AStaleIfMatchIsPreconditionFailedAndTheOrderStaysAsItWas()
    {
        var (number, staleETag) = await PlacedOrderAsync();
        using var paid = await SendAsync($"orders/{number}/pay", Payment(), staleETag);
        var afterPayment = await paid.JsonAsync(HttpStatusCode.OK);

        using var cancel = await SendAsync($"orders/{number}/cancel", new { reason = "Too late" }, staleETag);

        var problem = await cancel.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains(number, problem.Detail(), StringComparison.Ordinal);
        var order = await _client.GetFromJsonAsync<JsonElement>($"orders/{number}", Ct);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(afterPayment.GetProperty("version").GetInt32(), order.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TheCurrentETagLetsTheChangeThroughAndTheAnswerCarriesTheNextOne()
    {
        var (number, etag) = await PlacedOrderAsync();

        using var response = await SendAsync($"orders/{number}/pay", Payment(), etag);

        var order = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.NotEqual(etag, response.Headers.ETag?.Tag);
        Assert.Equal($"\"{order.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnIfMatchThatIsNotAnOrdersETagIsABadRequest()
    {
        var (number, _) = await PlacedOrderAsync();

        using var weak = await SendAsync($"orders/{number}/pay", Payment(), "W/\"1\"");
        using var garbage = await SendAsync($"orders/{number}/pay", Payment(), "\"abc\"");

        await weak.ProblemAsync(HttpStatusCode.BadRequest);
        await garbage.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Placed", (await _client.GetFromJsonAsync<JsonElement>($"orders/{number}", Ct)).GetProperty("status").GetString());
    }

    private static object Payment() => new { amount = new { amount = 25m, currency = "CNY" }, method = "card" };

    private async Task<(string Number, string ETag)> PlacedOrderAsync()
    {
        var customer = await app.AddCustomerAsync();
        var product = await app.AddProductAsync(price: 25m);
        var number = (await app.PlaceOrderAsync(customer.Id, product.Sku)).GetProperty("number").GetString()!;
        using var response = await _client.GetAsync($"orders/{number}", Ct);
        return (number, response.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> SendAsync(string uri, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _client.SendAsync(request, Ct);
    }
}
