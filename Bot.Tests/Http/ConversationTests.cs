using System.Net;

namespace CrmBot.Tests.Http;

public sealed class ConversationTests(BotApplication app) : IClassFixture<BotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task AnswersAGreetingWithWhatItCanDo()
    {
        var response = await _client.PostActivityAsync(Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await response.RepliesAsync());
        Assert.Equal("message", (string?)reply?["type"]);
        Assert.StartsWith("Here is what I can do for you:", (string?)reply?["text"]);
        Assert.Equal("user-1", (string?)reply?["recipient"]?["id"]);
        Assert.Equal("conversation-1", (string?)reply?["conversation"]?["id"]);
    }

    [Fact]
    public async Task WelcomesAMemberWhoJoinsByName()
    {
        var joined = Activities.MembersAdded(Activities.Account("user-1", "Ada Lovelace"));

        var response = await _client.PostActivityAsync(joined);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await response.ReplyTextsAsync());
        Assert.StartsWith("Hi Ada Lovelace! I'm CrmBot", welcome);
    }

    [Fact]
    public async Task WelcomesAMemberWithoutANameToo()
    {
        var joined = Activities.MembersAdded(Activities.Account("user-2"));

        var response = await _client.PostActivityAsync(joined);

        var welcome = Assert.Single(await response.ReplyTextsAsync());
        Assert.StartsWith("Hi! I'm CrmBot", welcome);
    }

    [Fact]
    public async Task DoesNotWelcomeItselfWhenTheBotJoins()
    {
        var joined = Activities.MembersAdded(Activities.Account(Activities.BotId, "CrmBot"));

        var response = await _client.PostActivityAsync(joined);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.RepliesAsync());
    }

    // The activity spec (A2014): a bot SHOULD ignore activities of a type it does not understand; new channel
    // features must not break the bot.
    [Fact]
    public async Task IgnoresAnActivityTypeItDoesNotKnow()
    {
        var response = await _client.PostActivityAsync(Activities.Base("somethingNew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.RepliesAsync());
    }
}
