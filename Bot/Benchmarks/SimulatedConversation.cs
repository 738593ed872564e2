using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CrmBot.Benchmarks;

/// <summary>
/// One visitor of the turns benchmark: posts its script's turns to <paramref name="path"/> one after another, in
/// its own conversation, asking for the replies in the response (expectReplies), and checks each reply.
/// </summary>
internal sealed class SimulatedConversation(HttpClient client, string path, string id, IReadOnlyList<ScriptedTurn> script) : ILoadVisitor
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private int _next;
    private int _restarts;
    private int _turns;

    // After a wrong reply the dialog may wait for something else than the script says next: a new conversation
    // starts the script afresh instead of turning one error into many.
    private string ConversationId => _restarts == 0 ? id : $"{id}.{_restarts}";

    public async Task<TurnOutcome> TakeTurnAsync(CancellationToken ct)
    {
        var turn = script[_next];
        var body = Activity(turn.Text);
        var started = Stopwatch.GetTimestamp();
        var reply = Array.Empty<byte>();
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            using var response = await client.SendAsync(request, ct);
            reply = await response.Content.ReadAsByteArrayAsync(ct);
            error = response.StatusCode == HttpStatusCode.OK ? Check(reply, turn.ExpectedReply) : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "no response within the client's timeout";
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (error is null)
        {
            _next = (_next + 1) % script.Count;
        }
        else
        {
            _next = 0;
            _restarts++;
        }

        return new TurnOutcome(milliseconds, body.Length, reply.Length, error is null ? null : $"{turn.Step}: {error}", turn.Step);
    }

    private byte[] Activity(string text) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        type = "message",
        id = $"{ConversationId}/{++_turns}",
        timestamp = TimeProvider.System.GetUtcNow(),
        channelId = "webchat",
        serviceUrl = "https://channel.invalid/",
        from = new { id = $"visitor-{id}", name = "Visitor" },
        recipient = new { id = "crmbot", name = "CrmBot" },
        conversation = new { id = ConversationId },
        locale = "en-US",
        deliveryMode = "expectReplies",
        text,
    });

    /// <summary>Null when the body holds exactly one reply whose text starts as expected; otherwise what is wrong.</summary>
    private static string? Check(byte[] body, string expectedReply)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
            {
                return "the response has no activities";
            }

            if (activities.GetArrayLength() != 1)
            {
                return $"{activities.GetArrayLength()} replies instead of one";
            }

            var text = activities[0].TryGetProperty("text", out var value) ? value.GetString() : null;
            return text is not null && text.StartsWith(expectedReply, StringComparison.Ordinal)
                ? null
                : $"unexpected reply \"{text?[..Math.Min(text.Length, 60)]}\"";
        }
        catch (JsonException)
        {
            return "the response is not JSON";
        }
    }
}
