using System.Net;
using CrmBot.Tests.Http;

namespace CrmBot.Tests.Teams;

/// <summary>Messages from Teams, answered in the HTTP response as expectReplies asks, with buttons Teams can show.</summary>
public sealed class TeamsMessageTests(TeamsBotApplication app) : IClassFixture<TeamsBotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ARepInTheAllowedTenantGetsTheRepliesInTheHttpResponse()
    {
        var message = TeamsPosts.Message("personal_message_tenant", "expect-replies", "hi");

        var response = await _client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await response.RepliesAsync());
        Assert.StartsWith("Here is what I can do for you:", (string?)reply?["text"]);
        Assert.Equal("29:1fake-user-0000000000aa", (string?)reply?["recipient"]?["id"]);
        Assert.Equal((string?)message["conversation"]?["id"], (string?)reply?["conversation"]?["id"]);
    }

    [Fact]
    public async Task EveryLineOfAListReachesTeamsAsALineOfItsOwn()
    {
        var response = await _client.PostActivityAsync(TeamsPosts.Message("personal_message_tenant", "line-breaks", "menu"));

        // Teams drops a single line break, so each one goes out as a paragraph break.
        var text = (string?)Assert.Single(await response.RepliesAsync())?["text"];
        Assert.Contains("\n\n• Track an order", text, StringComparison.Ordinal);
        Assert.Contains("\n\n• Browse products", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[^\n]\n[^\n]", text);
    }

    [Fact]
    public async Task SomeoneFromAnotherTenantIsTurnedAway()
    {
        var message = TeamsPosts.Message("personal_message_tenant", "other-tenant", "hi");
        message["channelData"]!["tenant"]!["id"] = "22222222-2222-2222-2222-222222222222";
        message["conversation"]!["tenantId"] = "22222222-2222-2222-2222-222222222222";

        var response = await _client.PostActivityAsync(message);

        Assert.StartsWith("Sorry, I only work with the sales team here.", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Fact]
    public async Task InAPersonalChatTheChoicesComeAsSuggestedActions()
    {
        var response = await _client.PostActivityAsync(TeamsPosts.Message("personal_message_tenant", "personal-buttons", "menu"));

        var reply = Assert.Single(await response.RepliesAsync());
        Assert.Equal(["Track an order", "Browse products", "Place an order"], (reply?["suggestedActions"]?["actions"]).Titles());
        Assert.Empty(reply?["attachments"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task InAChannelItAnswersTheMessageThatMentionsItWithAHeroCardOfButtons()
    {
        var message = TeamsPosts.Message("channel_mention", "channel-buttons", "menu");
        Assert.StartsWith($"<at>{TeamsPosts.BotName}</at> menu", (string?)message["text"]);

        var response = await _client.PostActivityAsync(message);

        var reply = Assert.Single(await response.RepliesAsync());
        Assert.StartsWith("Here is what I can do for you:", (string?)reply?["text"]);
        Assert.Null(reply?["suggestedActions"]);
        var card = Assert.Single(reply?["attachments"]?.AsArray() ?? []);
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)card?["contentType"]);
        var buttons = card?["content"]?["buttons"]?.AsArray() ?? [];
        Assert.Equal(["Track an order", "Browse products", "Place an order"], buttons.Titles());
        Assert.All(buttons, button => Assert.Equal("imBack", (string?)button?["type"]));
    }

    [Fact]
    public async Task AReactionToItsMessageNeedsNoAnswer()
    {
        var reaction = TeamsPosts.Sample("message_reaction", "reaction");

        var response = await _client.PostActivityAsync(reaction);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.RepliesAsync());
    }
}
