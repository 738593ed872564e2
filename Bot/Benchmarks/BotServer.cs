using CrmBot.Channels;
using CrmBot.Domain.Persistence;
using CrmBot.Hosting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace CrmBot.Benchmarks;

/// <summary>
/// CrmBot as <c>dotnet run --project Bot</c> composes it (AddCrmBot, MapCrmBot, Production, demo shop in SQLite, no
/// Bot Framework authentication), in its own temporary data folder, on Kestrel at a free port of 127.0.0.1. The
/// same app serves a bare <see cref="EchoBot"/> at <see cref="EchoPath"/>, through the same endpoint filter,
/// <see cref="CrmBotAdapter"/> and turn middleware, so the two differ only by the bot.
/// </summary>
internal sealed class BotServer : IAsyncDisposable
{
    public const string CrmPath = "/api/messages";
    public const string EchoPath = "/bench/echo";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataDirectory;
    private bool _started;

    private BotServer(WebApplication app, DirectoryInfo dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress => new(_app.Urls.Single());

    /// <summary>Starts the app; <paramref name="settings"/> go over the defaults above, <paramref name="clock"/> replaces the system's.</summary>
    public static async Task<BotServer> StartAsync(
        CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("crmbot-bench-");
        // `dotnet run` would otherwise bring the launch profile's Development environment and port 5000.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = dataDirectory.FullName,
            ["Database:SeedDemoData"] = "true",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            // Every simulated web visitor of the directline scenario asks the page's token endpoint, from one address.
            ["DirectLine:VisitorTokensPerMinute"] = "1000000",
            // These scenarios run no jobs; a Hangfire server's polling would only take processor time from the bot.
            ["Jobs:Enabled"] = "false",
            // Information-level logging under load costs the echo bot about 40% of its throughput (DESIGN.md).
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddCrmBot();

        var app = builder.Build();
        var server = new BotServer(app, dataDirectory);
        try
        {
            app.MapCrmBot();
            var echo = new EchoBot();
            app.MapPost(EchoPath, (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, CancellationToken token) =>
                    adapter.ProcessAsync(request, response, echo, token))
                .AddEndpointFilter<ActivityValidationFilter>();
            await app.InitializeDatabaseAsync();
            await app.StartAsync(ct);
            server._started = true;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's services, e.g. to grow its database before the load starts.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Up to <paramref name="count"/> orders of the demo shop whose customer has an email.</summary>
    public async Task<IReadOnlyList<TrackableOrder>> TrackableOrdersAsync(int count, CancellationToken ct)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await TrackableOrder.FindAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), count, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dataDirectory.Delete(recursive: true);
    }
}
