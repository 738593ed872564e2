using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmBot.Benchmarks;

/// <summary>
/// One web visitor as Web Chat drives the bot's Direct Line endpoint with polling: a visitor token from the page's
/// endpoint, the conversation started, then for each scripted turn a posted activity and polls from the watermark
/// until the bot's reply to it arrives. A turn's time is that whole round trip.
/// </summary>
internal sealed class DirectLineVisitor(HttpClient client, IReadOnlyList<ScriptedTurn> script, TimeSpan pollInterval) : ILoadVisitor
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private Session? _session;
    private int _next;

    public async Task<TurnOutcome> TakeTurnAsync(CancellationToken ct)
    {
        var turn = script[_next];
        var started = Stopwatch.GetTimestamp();
        var requestBytes = 0;
        var responseBytes = 0;
        string? error;
        try
        {
            _session ??= await StartAsync(ct);
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "message",
                from = new { id = _session.UserId, role = "user" },
                text = turn.Text,
                locale = "en-US",
                channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
            });
            requestBytes = body.Length;
            using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{_session.ConversationId}/activities");
            post.Content = new ByteArrayContent(body);
            post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var posted = await client.SendAsync(post, ct);
            var id = posted.IsSuccessStatusCode ? (await posted.Content.ReadFromJsonAsync<JsonObject>(ct))?["id"]?.GetValue<string>() : null;
            (error, responseBytes) = id is null ? ($"post: HTTP {(int)posted.StatusCode}", 0) : await AwaitReplyAsync(id, turn.ExpectedReply, ct);
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (error is null)
        {
            _next = (_next + 1) % script.Count;
        }
        else
        {
            // The dialog may wait for something else than the script says next: a new conversation starts afresh.
            _next = 0;
            _session = null;
        }

        return new TurnOutcome(milliseconds, requestBytes, responseBytes, error is null ? null : $"{turn.Step}: {error}");
    }

    /// <summary>The page's calls before the first message: a visitor token, the conversation started, the welcome read.</summary>
    public async Task<Session> StartAsync(CancellationToken ct)
    {
        using var tokenResponse = await client.PostAsync("/api/webchat/token", content: null, ct);
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(ct) ?? throw new HttpRequestException("No visitor token.");
        var session = new Session((string)token["token"]!, (string)token["conversationId"]!, (string)token["userId"]!);
        _session = session;
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations");
        (await client.SendAsync(start, ct)).EnsureSuccessStatusCode();
        await PollAsync(ct);
        return session;
    }

    private async Task<(string? Error, int ResponseBytes)> AwaitReplyAsync(string activityId, string expectedReply, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        var bytes = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var (activities, read) = await PollAsync(ct);
            bytes += read;
            var reply = activities.FirstOrDefault(a => (string?)a?["replyToId"] == activityId && (string?)a?["from"]?["role"] == "bot");
            if (reply is not null)
            {
                var text = (string?)reply["text"];
                return (text is not null && text.StartsWith(expectedReply, StringComparison.Ordinal) ? null : $"unexpected reply \"{text?[..Math.Min(text.Length, 60)]}\"", bytes);
            }

            await Task.Delay(pollInterval, ct);
        }

        return ($"no reply within {ReplyTimeout.TotalSeconds:0} s", bytes);
    }

    /// <summary>One poll from the watermark, which moves on as the endpoint says.</summary>
    private async Task<(JsonArray Activities, int Bytes)> PollAsync(CancellationToken ct)
    {
        var session = _session!;
        using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities?watermark={session.Watermark}");
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var set = JsonNode.Parse(body)!.AsObject();
        session.Watermark = (string?)set["watermark"] ?? session.Watermark;
        return (set["activities"]!.AsArray(), body.Length);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _session!.Token);
        return request;
    }

    public sealed class Session(string token, string conversationId, string userId)
    {
        public string Token { get; } = token;

        public string ConversationId { get; } = conversationId;

        public string UserId { get; } = userId;

        public string? Watermark { get; set; }
    }
}
