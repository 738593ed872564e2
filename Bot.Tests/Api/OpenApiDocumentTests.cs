using System.Net;
using System.Text.Json;

namespace CrmBot.Tests.Api;

/// <summary>The OpenAPI document describes the API as it is: its paths, operations, security scheme and problems.</summary>
public sealed class OpenApiDocumentTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsEveryEndpointOfTheApiAndNothingElse()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "/api/v1/analytics/charts/{name}.png", "/api/v1/analytics/customers", "/api/v1/analytics/orders", "/api/v1/analytics/revenue",
                "/api/v1/analytics/top-customers", "/api/v1/analytics/top-products",
                "/api/v1/customers", "/api/v1/customers/{customerId}/interactions", "/api/v1/customers/{customerId}/reminders", "/api/v1/customers/{id}",
                "/api/v1/customers/{id}/export",
                "/api/v1/orders", "/api/v1/orders/{number}", "/api/v1/orders/{number}/cancel", "/api/v1/orders/{number}/deliver",
                "/api/v1/orders/{number}/pay", "/api/v1/orders/{number}/refund", "/api/v1/orders/{number}/ship",
                "/api/v1/products", "/api/v1/products/{sku}", "/api/v1/products/{sku}/price", "/api/v1/products/{sku}/stock",
            ],
            paths);
        var placeOrder = document.GetProperty("paths").GetProperty("/api/v1/orders").GetProperty("post");
        Assert.Equal("PlaceOrder", placeOrder.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(placeOrder.GetProperty("summary").GetString()));
        var responses = placeOrder.GetProperty("responses");
        Assert.True(responses.TryGetProperty("201", out _));
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task DeclaresTheApiKeyHeaderAsTheSecuritySchemeOfEveryOperation()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task TheReferencePageIsServedInDevelopment()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/scalar", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        return await response.JsonAsync(HttpStatusCode.OK);
    }
}
