using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Http;

public sealed class TurnErrorTests : IDisposable
{
    private readonly FailingBotApplication _app = new();

    [Fact]
    public async Task ApologisesToTheUserWhenTheBotFails()
    {
        var client = _app.CreateClient();

        var response = await client.PostActivityAsync(Activities.Message("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(await response.RepliesAsync());
        Assert.Equal("message", (string?)apology?["type"]);
        Assert.StartsWith("Sorry, something went wrong on my side", (string?)apology?["text"]);
    }

    [Fact]
    public async Task TellsOnlyTheEmulatorWhatWentWrong()
    {
        var client = _app.CreateClient();
        var activity = Activities.Message("hello");
        activity["channelId"] = "emulator";

        var response = await client.PostActivityAsync(activity);

        var replies = await response.RepliesAsync();
        Assert.Equal(["message", "trace"], replies.Select(reply => (string?)reply?["type"]));
        Assert.Equal("The bot broke.", (string?)replies[1]?["value"]);
    }

    [Fact]
    public async Task AcknowledgesTheActivityWhenTheChannelCannotTakeTheApologyEither()
    {
        var client = _app.CreateClient();
        var activity = Activities.Message("hello");
        activity.Remove("deliveryMode");
        activity["serviceUrl"] = "http://127.0.0.1:9/";

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AFailedTurnStartsTheConversationAfresh()
    {
        using var app = new CountingBotApplication();
        var client = app.CreateClient();

        await client.PostActivityAsync(Activities.Message("count"));
        await client.PostActivityAsync(Activities.Message("count"));
        var failed = await client.PostActivityAsync(Activities.Message("boom"));
        var after = await client.PostActivityAsync(Activities.Message("count"));

        Assert.StartsWith("Sorry, something went wrong", (string?)Assert.Single(await failed.RepliesAsync())?["text"]);
        Assert.Equal("1", (string?)Assert.Single(await after.RepliesAsync())?["text"]);
    }

    public void Dispose() => _app.Dispose();

    private sealed class CountingBotApplication : BotApplication
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IBot, CountingBot>());
        }
    }

    /// <summary>Counts messages in conversation state; "boom" saves the count and then fails.</summary>
    private sealed class CountingBot(ConversationState state) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var counter = state.CreateProperty<int>("count");
            var count = await counter.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await counter.SetAsync(turnContext, count, cancellationToken);
            await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
            if (turnContext.Activity.Text == "boom")
            {
                throw new InvalidOperationException("The bot broke.");
            }

            await turnContext.SendActivityAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
    }

    private sealed class FailingBotApplication : BotApplication
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IBot, FailingBot>());
        }
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The bot broke.");
    }
}
