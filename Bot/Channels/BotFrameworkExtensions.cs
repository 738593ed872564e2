using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Channels;

/// <summary>The Bot Framework channel: <c>POST /api/messages</c>, served by <see cref="CrmBotAdapter"/>.</summary>
public static class BotFrameworkExtensions
{
    /// <summary>
    /// Registers the adapter and <typeparamref name="TBot"/>. Authentication is read from the root configuration
    /// keys MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (the names Azure Bot
    /// Service templates use): with MicrosoftAppId empty it is off, for local development; with it set, every request
    /// must carry a valid Bot Connector token. Turn middleware registered as <see cref="IMiddleware"/> runs in
    /// registration order.
    /// </summary>
    public static IHostApplicationBuilder AddBotFramework<TBot>(this IHostApplicationBuilder builder)
        where TBot : class, IBot
    {
        var services = builder.Services;
        services.AddHttpClient();
        services.AddSingleton<ConnectorClientCache>();
        services.AddSingleton<BotFrameworkAuthentication, BotConnectorAuthentication>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<DuplicateActivityFilter>();
        services.AddSingleton<CrmBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<CrmBotAdapter>());
        services.AddTransient<IBot, TBot>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", PostActivityAsync)
            .AddEndpointFilter<ActivityValidationFilter>();
        return endpoints;
    }

    // Authentication (401), the turn and the answer (200, the expectReplies body or an invoke response) are the adapter's.
    private static Task PostActivityAsync(
        HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
        adapter.ProcessAsync(request, response, bot, cancellationToken);
}
