using System.Net;

namespace CrmBot.Tests.Api;

/// <summary>DELETE /api/v1/customers/{id} and GET /api/v1/customers/{id}/export: the rights of erasure and access over HTTP.</summary>
public class CustomerPrivacyApiTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task TheExportHoldsTheProfileTheOrdersAndTheNotes()
    {
        var (customer, orderNumber) = await CustomerWithAnOrderAndANoteAsync("chen.jing@example.com");

        using var response = await _client.GetAsync($"customers/{customer}/export", Ct);

        var document = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("chen.jing@example.com", document.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("+8613800138123", document.GetProperty("customer").GetProperty("phone").GetString());
        Assert.Equal(orderNumber, Assert.Single(document.GetProperty("orders").EnumerateArray()).GetProperty("number").GetString());
        Assert.Contains("Chen Jing", Assert.Single(document.GetProperty("interactions").EnumerateArray()).GetProperty("notes").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasureLeavesNoPersonalDataBehindButKeepsTheOrder()
    {
        var (customer, orderNumber) = await CustomerWithAnOrderAndANoteAsync("erase.me@example.com");

        using var erased = await _client.DeleteAsync($"customers/{customer}", Ct);

        var result = await erased.JsonAsync(HttpStatusCode.OK);
        Assert.False(result.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(1, result.GetProperty("interactionsBlanked").GetInt32());
        using var export = await _client.GetAsync($"customers/{customer}/export", Ct);
        var text = (await export.JsonAsync(HttpStatusCode.OK)).GetRawText();
        Assert.DoesNotContain("erase.me@example.com", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("8613800138123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chen Jing", text, StringComparison.Ordinal);
        using var order = await _client.GetAsync($"orders/{orderNumber}", Ct);
        var kept = await order.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(50m, kept.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(1, await app.OrderCountAsync(customer));
    }

    [Fact]
    public async Task ErasingTwiceSaysItWasAlreadyDone()
    {
        var (customer, _) = await CustomerWithAnOrderAndANoteAsync("twice@example.com");

        using var first = await _client.DeleteAsync($"customers/{customer}", Ct);
        using var second = await _client.DeleteAsync($"customers/{customer}", Ct);

        Assert.False((await first.JsonAsync(HttpStatusCode.OK)).GetProperty("alreadyErased").GetBoolean());
        Assert.True((await second.JsonAsync(HttpStatusCode.OK)).GetProperty("alreadyErased").GetBoolean());
    }

    [Theory]
    [InlineData("GET", "export")]
    [InlineData("DELETE", "")]
    public async Task AnUnknownCustomerIsNotFound(string method, string suffix)
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"customers/{id}/{suffix}".TrimEnd('/'));

        using var response = await _client.SendAsync(request, Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.Detail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseNeedsWriteAndExportNeedsRead()
    {
        var customer = await app.AddCustomerAsync("Scope Test", "scope@example.com");
        using var reader = app.Client(ApiApplication.Reader);
        using var writer = app.Client(ApiApplication.Writer);

        using var readerErases = await reader.DeleteAsync($"customers/{customer.Id}", Ct);
        using var writerExports = await writer.GetAsync($"customers/{customer.Id}/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, readerErases.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writerExports.StatusCode);
        using var still = await _client.GetAsync($"customers/{customer.Id}", Ct);
        Assert.Equal("scope@example.com", (await still.JsonAsync(HttpStatusCode.OK)).GetProperty("email").GetString());
    }

    /// <summary>"Chen Jing" with this email and a phone, one 50 CNY order, and a call note that names her.</summary>
    private async Task<(Guid Customer, string OrderNumber)> CustomerWithAnOrderAndANoteAsync(string email)
    {
        using var created = await _client.PostJsonAsync("customers", new { name = "Chen Jing", email, phone = "138 0013 8123" });
        var customer = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var product = await app.AddProductAsync(price: 50m);
        var order = await app.PlaceOrderAsync(customer, product.Sku);
        using var note = await _client.PostJsonAsync($"customers/{customer}/interactions", new { kind = "Call", notes = $"Called Chen Jing at {email}" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        return (customer, order.GetProperty("number").GetString()!);
    }
}
