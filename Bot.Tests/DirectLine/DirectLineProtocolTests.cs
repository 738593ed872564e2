using System.Net;
using Microsoft.AspNetCore.Hosting;
using CrmBot.DirectLine;
using CrmBot.Domain.Customers;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.DirectLine;

public class DirectLineProtocolTests(DirectLineApplication app) : IClassFixture<DirectLineApplication>
{
    private readonly DirectLineClient _client = app.CreateDirectLineClient();

    [Fact]
    public async Task StartingTheConversationWelcomesTheVisitorOnce()
    {
        var session = await _client.VisitorSessionAsync();

        var first = await _client.StartAsync(session.Token);
        var again = await _client.StartAsync(session.Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var started = await first.JsonAsync();
        Assert.Equal(session.ConversationId, (string?)started["conversationId"]);
        Assert.False(string.IsNullOrEmpty((string?)started["token"]));
        Assert.Equal(1800, (int?)started["expires_in"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var welcome = Assert.Single(await _client.BotTextsAsync(session));
        Assert.StartsWith("Hi! I'm CrmBot", welcome);
    }

    [Fact]
    public async Task APostedMessageComesBackWithItsIdFollowedByTheBotsAnswer()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);

        var posted = await _client.PostAsync(session, session.Message("track SO-99999", clientActivityId: "client-1"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (string?)(await posted.JsonAsync())["id"];
        var (activities, next) = await _client.ActivitiesAsync(session, watermark);
        var echo = activities[0]!;
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("client-1", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal(session.UserId, (string?)echo["from"]?["id"]);
        Assert.Equal("track SO-99999", (string?)echo["text"]);
        var answer = activities[1]!;
        Assert.Equal("bot", (string?)answer["from"]?["role"]);
        Assert.Equal(id, (string?)answer["replyToId"]);
        Assert.Equal(session.UserId, (string?)answer["recipient"]?["id"]);
        Assert.Equal(session.ConversationId, (string?)answer["conversation"]?["id"]);
        Assert.Equal("directline", (string?)answer["channelId"]);
        Assert.Equal("plain", (string?)answer["textFormat"]); // Web Chat keeps the bot's line breaks only in plain text
        Assert.NotEqual(watermark, next);
    }

    [Fact]
    public async Task PollingFromTheWatermarkReturnsOnlyWhatIsNew()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);
        var (all, watermark) = await _client.ActivitiesAsync(session);

        var (nothingNew, same) = await _client.ActivitiesAsync(session, watermark);
        await _client.SayAsync(session, "hello");
        var (fresh, _) = await _client.ActivitiesAsync(session, watermark);
        var (everything, _) = await _client.ActivitiesAsync(session);

        Assert.Empty(nothingNew);
        Assert.Equal(watermark, same);
        Assert.Equal("hello", (string?)fresh[0]!["text"]);
        Assert.Equal(all.Count + fresh.Count, everything.Count);
    }

    [Fact]
    public async Task ADialogCarriesOnAcrossPosts()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);

        await _client.SayAsync(session, "track an order");
        var (_, watermark) = await _client.ActivitiesAsync(session);
        await _client.SayAsync(session, "cancel");

        var answer = Assert.Single(await _client.BotTextsAsync(session, watermark));
        Assert.Contains("cancel", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ASiteWithTheSecretSignsInACustomerWhoThenSeesTheirOwnOrders()
    {
        var customer = await app.AddCustomerAsync("Wang Fang", "wang.fang@example.com");
        var session = await _client.SessionForAsync($"customer:{customer.Id}", DirectLineApplication.Secret, "Wang Fang");

        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);
        await _client.SayAsync(session, "track my order");

        // A visitor would be asked for an order number; the signed-in customer hears about their own orders.
        Assert.Equal("You have no orders yet.", Assert.Single(await _client.BotTextsAsync(session, watermark)));
    }

    [Fact]
    public async Task ASignedInCustomerIsAnsweredInTheLanguageOnTheirRecordWhateverTheBrowserSends()
    {
        var customer = await app.AddCustomerAsync("Zhou Min", "zhou.min@example.com");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CustomerService>()
                .SetPreferredLanguageAsync(customer.Id, "zh-CN", TestContext.Current.CancellationToken);
        }

        var session = await _client.SessionForAsync($"customer:{customer.Id}", DirectLineApplication.Secret, "Zhou Min");
        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);
        await _client.SayAsync(session, "track my order");

        // The message says en-US, as an English browser's Web Chat would.
        Assert.Equal("您还没有订单。", Assert.Single(await _client.BotTextsAsync(session, watermark)));
    }

    [Fact]
    public async Task ARefreshedTokenKeepsTheConversation()
    {
        var session = await _client.VisitorSessionAsync();

        var refreshed = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", session.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.JsonAsync();
        Assert.Equal(session.ConversationId, (string?)body["conversationId"]);
        var renewed = session with { Token = (string)body["token"]! };
        Assert.Equal(HttpStatusCode.Created, (await _client.StartAsync(renewed.Token)).StatusCode);
        Assert.Single(await _client.BotTextsAsync(renewed));
    }

    [Fact]
    public async Task ReconnectingReturnsTheConversationAndAFreshToken()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);

        var response = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=0", session.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(session.ConversationId, (string?)body["conversationId"]);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
    }

    [Fact]
    public async Task APostWithoutStartingFirstStillStartsTheConversation()
    {
        var session = await _client.VisitorSessionAsync();

        await _client.SayAsync(session, "hello");

        var texts = await _client.BotTextsAsync(session);
        Assert.Equal(2, texts.Length);
        Assert.StartsWith("Hi! I'm CrmBot", texts[0]);
    }

    [Fact]
    public async Task AProactiveMessageReachesTheWebChatConversation()
    {
        var session = await _client.VisitorSessionAsync();
        await _client.StartAsync(session.Token);
        var (_, watermark) = await _client.ActivitiesAsync(session);
        var adapter = app.Services.GetRequiredService<DirectLineAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            Conversation = new ConversationAccount(id: session.ConversationId),
            User = new ChannelAccount(session.UserId),
            Bot = adapter.Bot,
        };

        await adapter.ContinueConversationAsync(
            "crmbot", reference, (turn, ct) => turn.SendActivityAsync("Your order SO-10042 has shipped.", cancellationToken: ct), TestContext.Current.CancellationToken);

        Assert.Equal("Your order SO-10042 has shipped.", Assert.Single(await _client.BotTextsAsync(session, watermark)));
    }

    [Fact]
    public async Task TheConversationLivesInTheDatabaseNotInTheProcess()
    {
        await using var first = new DirectLineApplication();
        var client = first.CreateDirectLineClient();
        var session = await client.VisitorSessionAsync();
        await client.StartAsync(session.Token);
        await client.SayAsync(session, "track an order");

        await using var restarted = new RestartedApplication(first.DataDirectory);
        var after = restarted.CreateDirectLineClient();
        var (before, watermark) = await after.ActivitiesAsync(session);
        await after.SayAsync(session, "cancel");

        Assert.Equal(3, before.Count); // welcome, "track an order", "What is the order number?"
        Assert.Contains("cancel", Assert.Single(await after.BotTextsAsync(session, watermark)), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A second app on the data directory (database and token key) of the first: nothing may live only in the first's memory.</summary>
    private sealed class RestartedApplication(string dataDirectory) : DirectLineApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:DataDirectory", dataDirectory);
        }
    }
}
