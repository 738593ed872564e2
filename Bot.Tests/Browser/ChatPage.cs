using CrmBot.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBot.Tests.Browser;

/// <summary>
/// The real app on Kestrel (loopback, a free port, the demo shop loaded) and Debian's Chromium driven by
/// Playwright, for tests of the real Web Chat page. Without Chromium the tests skip, except in CI (CI=true),
/// where a missing browser fails them: CI installs it.
/// </summary>
public sealed class ChatPage : BotApplication, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["DirectLine:VisitorTokensPerMinute"] = "1000",
    };

    public IBrowser? Browser { get; private set; }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemoData", "true");
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container needs --no-sandbox; the others keep Chromium off the network it cannot reach here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own session storage: a new tab of a new visitor) on the chat page.</summary>
    public async Task<IPage> OpenAsync(string? locale = "en-US")
    {
        if (Browser is null)
        {
            var reason = $"Browser tests need Chromium at {ChromiumPath} (Debian package 'chromium').";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason + " CI installs it, so here it is a failure.");
            Assert.Skip(reason);
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
