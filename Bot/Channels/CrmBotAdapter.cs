using System.Runtime.ExceptionServices;
using CrmBot.Privacy;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Channels;

/// <summary>
/// The CloudAdapter behind /api/messages: skips activities a channel delivers twice, runs the registered turn
/// middleware, and hands failed turns to the <see cref="TurnErrorHandler"/>. A failed proactive turn (a reminder or
/// notice sent through ContinueConversationAsync) is not a user's turn: no apology, no state reset; its exception goes
/// back to the sender, which records the failure and retries.
/// </summary>
public sealed partial class CrmBotAdapter : CloudAdapter
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

        var logger = loggerFactory.CreateLogger<CrmBotAdapter>();
        OnTurnError = async (turnContext, exception) =>
        {
            if (turnContext.Activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation })
            {
                ExceptionDispatchInfo.Throw(exception);
            }

            try
            {
                await errors.HandleAsync(turnContext, exception);
            }
            catch (Exception undelivered) when (undelivered is not OperationCanceledException)
            {
                // The channel did not take the apology either (its serviceUrl unreachable or failing). The turn is
                // logged; a 500 would tell the channel nothing it can act on, as its retry is skipped as a duplicate.
                LogApologyUndelivered(logger, undelivered.Redacted(), turnContext.Activity.ChannelId, turnContext.Activity.ServiceUrl);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell the user of channel {ChannelId} that their turn failed: replies to {ServiceUrl} fail")]
    private static partial void LogApologyUndelivered(ILogger logger, Exception exception, string channelId, string serviceUrl);
}
