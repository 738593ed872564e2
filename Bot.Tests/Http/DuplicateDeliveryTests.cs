using System.Net;

namespace CrmBot.Tests.Http;

/// <summary>Channels re-send an activity the bot was slow to acknowledge (Teams after 15 seconds) with the same id.</summary>
public sealed class DuplicateDeliveryTests(BotApplication app) : IClassFixture<BotApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ARetriedActivityIsProcessedOnce()
    {
        var activity = Activities.Message("track an order");
        activity["conversation"]!["id"] = "conversation-retried";

        var first = await _client.PostActivityAsync(activity);
        var retry = await _client.PostActivityAsync(activity.DeepClone());

        Assert.Equal("What is the order number? It looks like SO-10042.", Assert.Single(await first.ReplyTextsAsync()));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(await retry.RepliesAsync());
    }

    [Fact]
    public async Task TheSameIdInAnotherConversationIsANewActivity()
    {
        var activity = Activities.Message("hello");
        activity["conversation"]!["id"] = "conversation-a";
        var other = activity.DeepClone();
        other["conversation"]!["id"] = "conversation-b";

        var first = await _client.PostActivityAsync(activity);
        var second = await _client.PostActivityAsync(other);

        Assert.Single(await first.RepliesAsync());
        Assert.Single(await second.RepliesAsync());
    }
}
