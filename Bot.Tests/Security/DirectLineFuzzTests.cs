using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmBot.Tests.DirectLine;
using CsCheck;

namespace CrmBot.Tests.Security;

/// <summary>
/// Whatever a client sends the Direct Line endpoint, it gets the protocol's error (4xx with
/// <c>{ "error": { "code", "message" } }</c>) or, for an activity it can take, 200 with the activity's id; never a
/// server error; a refused post adds nothing to the conversation, which stays readable and goes on answering.
/// </summary>
public class DirectLineFuzzTests(DirectLineApplication app) : IClassFixture<DirectLineApplication>
{
    private const string Token = "@token@";
    private const string Conversation = "@conversation@";
    private const string Apology = "Sorry, something went wrong on my side";

    private static readonly Gen<string?> Credentials = Gen.Frequency<string?>(
        (3, Gen.OneOf<string?>(
            Token, null, "", " ", DirectLineApplication.Secret, DirectLineApplication.Secret + "x", "null", "eyJhbGciOiJub25lIn0.eyJjb252IjoiYSJ9.",
            "eyJ.eyJ.", "...", Token + "x", "x" + Token, Token + "." + Token, new string('e', 20_000))),
        (1, Gen.String[Gen.Char[' ', '~'], 0, 200].Select(credential => (string?)credential)));

    // No NUL (%00) in paths: Kestrel refuses it with a 400 before the app, and the test server cannot carry it.
    private static readonly Gen<string> ConversationIds = Gen.Frequency(
        (2, Gen.OneOf(Conversation, Conversation + "x", "x", "..", ".", "%2e%2e", "%2F", "%ZZ", "%E0%A4%A", "a%20b", "null", new string('c', 5000))),
        (1, HostileActivities.Text.Select(id => Uri.EscapeDataString(new string([.. id.Take(3000).Where(c => c != '\0' && !char.IsSurrogate(c))])))));

    private static readonly Gen<string> Watermarks = Gen.Frequency(
        (2, Gen.OneOf("", "0", "abc", "-1", "99999999999999999999", "9223372036854775807", "1e3", "0x10", "%00", "+1", "1.0", " 1", "%20", "１")),
        (1, Gen.Long.Select(watermark => watermark.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<HostileRequest> Requests = Gen.Select(Credentials, ConversationIds, Watermarks, Gen.Int[0, 5], (credential, conversation, watermark, kind) => kind switch
    {
        0 => new HostileRequest("GET", $"/v3/directline/conversations/{conversation}/activities?watermark={watermark}", credential),
        1 => new HostileRequest("POST", $"/v3/directline/conversations/{conversation}/activities", credential, WithActivity: true),
        2 => new HostileRequest("GET", $"/v3/directline/conversations/{conversation}", credential),
        3 => new HostileRequest("POST", "/v3/directline/tokens/refresh", credential),
        4 => new HostileRequest("POST", "/v3/directline/conversations", credential),
        _ => new HostileRequest("POST", "/v3/directline/tokens/generate", credential),
    });

    private readonly DirectLineClient _client = app.CreateDirectLineClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHostileActivityIsRefusedWithTheProtocolsErrorOrTakenAndTheConversationGoesOn()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);

        await HostileActivities.DirectLineBodies.CheckAsync(
            async body =>
            {
                using var response = await _client.SendAsync(
                    HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token, body.Content(session.UserId));
                var (activities, next) = await _client.ActivitiesAsync(session, watermark);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Assert.Equal((string?)(await response.JsonAsync())["id"], (string?)activities[0]?["id"]);
                    AssertPolite(activities.Where(activity => (string?)activity?["from"]?["role"] == "bot"));
                    watermark = next;
                }
                else
                {
                    await AssertProtocolErrorAsync(response);
                    Assert.Empty(activities);
                }
            },
            cases: 300, stream: 2);

        var hi = await _client.SayAsync(session, "hi");
        var (answers, _) = await _client.ActivitiesAsync(session, watermark);

        Assert.Equal(HttpStatusCode.OK, hi.StatusCode);
        Assert.Contains(answers, answer => (string?)answer?["from"]?["role"] == "bot");
        AssertPolite(answers.Where(answer => (string?)answer?["from"]?["role"] == "bot"));
    }

    [Fact]
    public async Task HostileCredentialsConversationIdsAndWatermarksGetTheProtocolsError()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);

        await Requests.CheckAsync(
            async request =>
            {
                using var response = await _client.Http.SendAsync(request.ToRequest(session), Ct);
                if ((int)response.StatusCode >= 400)
                {
                    await AssertProtocolErrorAsync(response);
                }
            },
            cases: 300, stream: 3);

        var (activities, _) = await _client.ActivitiesAsync(session, watermark);
        Assert.All(activities, activity => Assert.True(
            (string?)activity?["from"]?["role"] == "bot" || (string?)activity?["from"]?["id"] == session.UserId, $"Posted by someone else: {activity}"));
    }

    private static async Task AssertProtocolErrorAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status is >= 400 and < 500, $"{status}: {body}");
        var error = JsonNode.Parse(body)?["error"];
        Assert.False(string.IsNullOrWhiteSpace((string?)error?["code"]), $"No error code: {body}");
        Assert.False(string.IsNullOrWhiteSpace((string?)error?["message"]), $"No error message: {body}");
    }

    private static void AssertPolite(IEnumerable<JsonNode?> replies)
    {
        foreach (var reply in replies.Where(reply => (string?)reply?["type"] == "message"))
        {
            var text = (string?)reply!["text"];
            Assert.True(!string.IsNullOrWhiteSpace(text) || reply["attachments"] is JsonArray { Count: > 0 }, $"An empty reply: {reply}");
            Assert.DoesNotContain(Apology, text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text ?? "", StringComparison.Ordinal);
        }
    }

    /// <summary>A request with <see cref="Token"/> and <see cref="Conversation"/> standing for the session's own.</summary>
    private sealed record HostileRequest(string Method, string Path, string? Credential, bool WithActivity = false)
    {
        public HttpRequestMessage ToRequest(DirectLineClient.Session session)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path.Replace(Conversation, session.ConversationId, StringComparison.Ordinal));
            if (Credential is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Credential.Replace(Token, session.Token, StringComparison.Ordinal));
            }

            request.Content = WithActivity ? JsonContent.Create(session.Message("hi")) : null;
            return request;
        }
    }
}
