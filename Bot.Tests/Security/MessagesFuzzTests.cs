using System.Text.Json.Nodes;
using CrmBot.Tests.Http;

namespace CrmBot.Tests.Security;

/// <summary>
/// Whatever a client posts to /api/messages, it gets a problem that says what is wrong (4xx) or replies a person can
/// read; never a server error, a failed turn or a stack trace, and the bot goes on answering.
/// </summary>
public class MessagesFuzzTests(BotApplication app) : IClassFixture<BotApplication>
{
    private const string User = "user-1";

    /// <summary>The start of the apology of a turn that failed (TurnErrorHandler).</summary>
    private const string Apology = "Sorry, something went wrong on my side";

    private readonly HttpClient _client = app.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHostileBodyGetsAClientErrorOrAPoliteReplyAndTheBotAnswersAfterwards()
    {
        await HostileActivities.ChannelBodies.CheckAsync(PostAsync, cases: 300, stream: 1);

        var hi = Activities.Message("hi");
        hi["conversation"]!["id"] = HostileActivities.FuzzConversation;
        var replies = await (await _client.PostActivityAsync(hi)).ReplyTextsAsync();

        Assert.NotEmpty(replies);
        Assert.All(replies, reply => Assert.DoesNotContain(Apology, reply, StringComparison.Ordinal));
    }

    private async Task PostAsync(HostileBody body)
    {
        using var response = await _client.PostAsync("/api/messages", body.Content(User), Ct);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(status < 500, $"{status}: {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrWhiteSpace((string?)JsonNode.Parse(text)?["title"]), "The problem has no title.");
        }
        else if (text.Length > 0 && JsonNode.Parse(text) is JsonObject { } answer && answer["activities"] is JsonArray replies)
        {
            foreach (var reply in replies.Where(reply => (string?)reply?["type"] == "message"))
            {
                var replyText = (string?)reply!["text"];
                Assert.True(!string.IsNullOrWhiteSpace(replyText) || reply["attachments"] is JsonArray { Count: > 0 }, $"An empty reply: {reply}");
                Assert.DoesNotContain(Apology, replyText ?? "", StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", replyText ?? "", StringComparison.Ordinal);
            }
        }
    }
}
