using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrmBot.Tests.Http;

internal static class MessagesClient
{
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonNode activity) =>
        client.PostAsJsonAsync("/api/messages", activity, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body) =>
        client.PostAsync(
            "/api/messages",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    /// <summary>The activities of an expectReplies response.</summary>
    public static async Task<JsonArray> RepliesAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return body?["activities"]?.AsArray() ?? throw new InvalidOperationException("The response has no activities.");
    }

    public static async Task<string[]> ReplyTextsAsync(this HttpResponseMessage response) =>
        [.. (await response.RepliesAsync()).Select(reply => (string?)reply?["text"] ?? "")];

    /// <summary>The titles of a reply's buttons (suggested actions or a card's buttons).</summary>
    public static string?[] Titles(this JsonNode? actions) => [.. actions?.AsArray().Select(action => (string?)action?["title"]) ?? []];
}
