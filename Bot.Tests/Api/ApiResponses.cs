using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBot.Tests.Api;

/// <summary>Reading API answers as a client would: the JSON body, and problem details with their content type.</summary>
internal static class ApiResponses
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? string.Empty;

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string uri, string json) =>
        client.PostAsync(uri, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string uri, T body) =>
        client.PostAsJsonAsync(uri, body, Ct);

    /// <summary>POST <paramref name="uri"/> (the orders resource): some of one product, with an Idempotency-Key when given.</summary>
    public static async Task<HttpResponseMessage> PlaceOrderAsync(
        this HttpClient client, string uri, Guid customerId, string sku, int quantity, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new { customerId, lines = new[] { new { sku, quantity } } }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, ct);
    }

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string uri, T body) =>
        client.PutAsJsonAsync(uri, body, Ct);
}
