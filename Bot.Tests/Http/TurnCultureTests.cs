using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Http;

public sealed class TurnCultureTests(TurnCultureTests.CultureEchoApplication app) : IClassFixture<TurnCultureTests.CultureEchoApplication>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("ZH-cn", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("not a locale", "en")]
    [InlineData(null, "en")]
    public async Task RunsTheTurnInTheSupportedCultureClosestToTheActivityLocale(string? locale, string culture)
    {
        var activity = Activities.Message("which culture?");
        activity["locale"] = locale;

        var response = await _client.PostActivityAsync(activity);

        Assert.Equal([$"{culture} {culture}"], await response.ReplyTextsAsync());
    }

    public sealed class CultureEchoApplication : BotApplication
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = "",
            ["Language:DefaultCulture"] = "en",
            ["Language:SupportedCultures:0"] = "en",
            ["Language:SupportedCultures:1"] = "zh-CN",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IBot, CultureEchoBot>());
        }
    }

    private sealed class CultureEchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.SendActivityAsync(
                $"{CultureInfo.CurrentCulture.Name} {CultureInfo.CurrentUICulture.Name}", cancellationToken: cancellationToken);
    }
}
