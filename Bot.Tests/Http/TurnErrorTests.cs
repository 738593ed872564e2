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

    public void Dispose() => _app.Dispose();

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
