using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Channels;

/// <summary>
/// The CloudAdapter behind /api/messages: skips activities a channel delivers twice, runs the registered turn
/// middleware, and hands failed turns to the <see cref="TurnErrorHandler"/>.
/// </summary>
public sealed class CrmBotAdapter : CloudAdapter
{
    public CrmBotAdapter(
        BotFrameworkAuthentication authentication,
        DuplicateActivityFilter duplicates,
        IEnumerable<IMiddleware> middleware,
        TurnErrorHandler errors,
        ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        // The base adapter logs every activity at Information under its own category (Microsoft.Bot...), which
        // configuration can quiet without losing CrmBot's own logs.
        Use(duplicates);
        foreach (var step in middleware)
        {
            Use(step);
        }

        OnTurnError = errors.HandleAsync;
    }
}
