using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrmBot.DirectLine;

namespace CrmBot.Tests.DirectLine;

/// <summary>Tokens bind one conversation and one user; everything else is refused with the protocol's error shape and changes nothing.</summary>
public class DirectLineSecurityTests(DirectLineApplication app) : IClassFixture<DirectLineApplication>
{
    private readonly DirectLineClient _client = app.CreateDirectLineClient();

    [Fact]
    public async Task ACallWithoutCredentialsIsUnauthorized()
    {
        var session = await _client.VisitorSessionAsync();

        var response = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities", credential: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjb252IjoiYSIsInN1YiI6ImIifQ.")]
    public async Task AForgedTokenIsForbidden(string forged)
    {
        var session = await _client.VisitorSessionAsync();

        var response = await _client.GetActivitiesAsync(session with { Token = forged });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Unauthorized", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task ATokenWithAnAlteredPayloadIsForbidden()
    {
        var mine = await _client.VisitorSessionAsync();
        var theirs = await _client.VisitorSessionAsync();
        var parts = mine.Token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace(mine.ConversationId, theirs.ConversationId, StringComparison.Ordinal);
        var altered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var response = await _client.GetActivitiesAsync(mine with { Token = altered }, conversationId: theirs.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenSaysSoAndARefreshedOneWorks()
    {
        var session = await _client.VisitorSessionAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await (await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token)).JsonAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await _client.GetActivitiesAsync(session);
        var cannotRefresh = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token);
        var renewed = await _client.GetActivitiesAsync(session with { Token = (string)refreshed["token"]! });

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("TokenExpired", await expired.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, cannotRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task ATokenCannotReadOrWriteAnotherConversation()
    {
        var mine = await _client.VisitorSessionAsync();
        var theirs = await _client.VisitorSessionAsync();
        await _client.StartAsync(theirs.Token);

        var read = await _client.GetActivitiesAsync(mine, conversationId: theirs.ConversationId);
        var write = await _client.PostAsync(mine, mine.Message("hello"), conversationId: theirs.ConversationId);
        var reconnect = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}", mine.Token);

        Assert.All([read, write, reconnect], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Single(await _client.BotTextsAsync(theirs));
        Assert.Single((await _client.ActivitiesAsync(theirs)).Activities);
    }

    [Fact]
    public async Task AnActivityFromAnotherUserIsRejectedAndNotProcessed()
    {
        var session = await _client.VisitorSessionAsync();
        var impostor = session.Message("track SO-10042");
        impostor["from"] = new JsonObject { ["id"] = "customer:6f1c0f55-0000-4000-8000-000000000001" };

        var response = await _client.PostAsync(session, impostor);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Unauthorized", await response.ErrorCodeAsync());
        Assert.Empty((await _client.ActivitiesAsync(session)).Activities);
    }

    [Theory]
    [InlineData("{ not json", "BadArgument")]
    [InlineData("[1, 2, 3]", "BadArgument")]
    [InlineData("null", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"} {\"type\":\"message\"}", "BadArgument")]
    [InlineData("{\"text\":\"no type\",\"from\":{\"id\":\"x\"}}", "MissingProperty")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"x\"},\"timestamp\":\"2026-01-05T09:30:00+99:00\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"x\"},\"value\":undefined}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"x\"},\"value\":NaN}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"x\"},\"value\":/* a comment */ 1}", "BadArgument")]
    public async Task AMalformedActivityIsABadRequestAndChangesNothing(string body, string code)
    {
        var session = await _client.VisitorSessionAsync();

        var response = await _client.SendAsync(
            HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token,
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Empty((await _client.ActivitiesAsync(session)).Activities);
    }

    [Fact]
    public async Task ADeeplyNestedActivityIsABadRequest()
    {
        var session = await _client.VisitorSessionAsync();
        var nested = $"{{\"type\":\"message\",\"from\":{{\"id\":\"{session.UserId}\"}},\"value\":{new string('[', 500)}{new string(']', 500)}}}";

        var response = await _client.SendAsync(
            HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token,
            new StringContent(nested, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedActivityIsRefused()
    {
        var session = await _client.VisitorSessionAsync();

        var response = await _client.PostAsync(session, session.Message(new string('a', DirectLineEndpoints.MaxActivityBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await _client.ActivitiesAsync(session)).Activities);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task AWatermarkTheEndpointNeverGaveIsABadRequest(string watermark)
    {
        var session = await _client.VisitorSessionAsync();

        var response = await _client.GetActivitiesAsync(session, watermark);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task AnUnknownConversationIsNotFoundForTheSecret()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/no-such-conversation/activities", DirectLineApplication.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task AnOperationTheEndpointDoesNotHaveIsNotFoundInTheProtocolsShape()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/v3/directline/activities", DirectLineApplication.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task OnlyTheSecretGeneratesTokens()
    {
        var session = await _client.VisitorSessionAsync();

        var withToken = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", session.Token);
        var withWrongSecret = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineApplication.Secret + "x");
        var withSecret = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineApplication.Secret);

        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withWrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
        Assert.StartsWith("ey", (string?)(await withSecret.JsonAsync())["token"]);
    }

    [Theory]
    [InlineData("customer:00000000-0000-4000-8000-000000000000")]
    [InlineData("customer:not-a-guid")]
    [InlineData("rep:00000000-0000-4000-8000-000000000000")]
    [InlineData("")]
    public async Task ATokenForAnUnknownOrMalformedUserIsRefused(string userId)
    {
        var response = await _client.SendAsync(
            HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineApplication.Secret,
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task MalformedTokenParametersAreABadRequest()
    {
        var response = await _client.SendAsync(
            HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineApplication.Secret,
            new StringContent("{\"user\": 42", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task ARepTokenMakesTheCallerARep()
    {
        var rep = await app.AddRepAsync("Li Na");
        var session = await _client.SessionForAsync($"rep:{rep.Id}", DirectLineApplication.Secret);
        var visitor = await _client.VisitorSessionAsync();

        await _client.SayAsync(session, "list my reminders");
        await _client.SayAsync(visitor, "list my reminders");

        Assert.DoesNotContain(await _client.BotTextsAsync(session), text => text.StartsWith("Sorry, that is something only our sales team can do.", StringComparison.Ordinal));
        Assert.Contains(await _client.BotTextsAsync(visitor), text => text.StartsWith("Sorry, that is something only our sales team can do.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDirectLineClientsHeadersAreAllowedFromATrustedOrigin()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", DirectLineApplication.TrustedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        var untrusted = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        untrusted.Headers.Add("Origin", "https://evil.example.test");
        untrusted.Headers.Add("Access-Control-Request-Method", "POST");

        var allowed = await _client.Http.SendAsync(preflight, TestContext.Current.CancellationToken);
        var refused = await _client.Http.SendAsync(untrusted, TestContext.Current.CancellationToken);

        Assert.Equal(DirectLineApplication.TrustedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("x-ms-bot-agent", headers);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
