using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrmBot.Tests.DirectLine;

/// <summary>What Web Chat's Direct Line client (botframework-directlinejs, polling) sends, one call per method.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The web chat page's first call: a visitor token bound to a new conversation.</summary>
    public async Task<Session> VisitorSessionAsync()
    {
        var response = await http.PostAsync("/api/webchat/token", content: null, Ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct) ?? throw new InvalidOperationException("No body.");
        return new Session((string)body["token"]!, (string)body["conversationId"]!, (string)body["userId"]!);
    }

    /// <summary>What a site holding the secret does for a user it knows: a token (and conversation) minted for their id.</summary>
    public async Task<Session> SessionForAsync(string userId, string secret, string? name = null)
    {
        var response = await SendAsync(
            HttpMethod.Post, "/v3/directline/tokens/generate", secret,
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["name"] = name } }));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct) ?? throw new InvalidOperationException("No body.");
        return new Session((string)body["token"]!, (string)body["conversationId"]!, userId);
    }

    /// <summary>The session with a fresh token, as the site reconnects it with the secret (Web Chat's token expires as a test's clock moves on).</summary>
    public async Task<Session> ReconnectAsync(Session session, string secret)
    {
        var reconnected = await (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}", secret)).JsonAsync();
        return session with { Token = (string)reconnected["token"]! };
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return http.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> StartAsync(string credential) =>
        SendAsync(HttpMethod.Post, "/v3/directline/conversations", credential);

    public Task<HttpResponseMessage> PostAsync(Session session, JsonObject activity, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? session.ConversationId}/activities", session.Token, JsonContent.Create(activity));

    public Task<HttpResponseMessage> SayAsync(Session session, string text) => PostAsync(session, session.Message(text));

    public Task<HttpResponseMessage> GetActivitiesAsync(Session session, string? watermark = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId ?? session.ConversationId}/activities?watermark={watermark}", session.Token);

    /// <summary>The ActivitySet after <paramref name="watermark"/>: its activities and the next watermark.</summary>
    public async Task<(JsonArray Activities, string Watermark)> ActivitiesAsync(Session session, string? watermark = null)
    {
        var response = await GetActivitiesAsync(session, watermark);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonObject>(Ct) ?? throw new InvalidOperationException("No body.");
        return (set["activities"]!.AsArray(), (string)set["watermark"]!);
    }

    /// <summary>The bot's texts after <paramref name="watermark"/>.</summary>
    public async Task<string[]> BotTextsAsync(Session session, string? watermark = null)
    {
        var (activities, _) = await ActivitiesAsync(session, watermark);
        return [.. activities.Where(a => (string?)a!["from"]!["role"] == "bot").Select(a => (string?)a!["text"] ?? "")];
    }

    public sealed record Session(string Token, string ConversationId, string UserId)
    {
        public JsonObject Message(string text, string? clientActivityId = null) => new()
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = UserId, ["role"] = "user" },
            ["text"] = text,
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
    }
}

internal static class DirectLineResponses
{
    /// <summary>The protocol's error code, from <c>{ "error": { "code", "message" } }</c>.</summary>
    public static async Task<string?> ErrorCodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrWhiteSpace((string?)body?["error"]?["message"]), "The error has no message.");
        return (string?)body?["error"]?["code"];
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("No body.");
}
