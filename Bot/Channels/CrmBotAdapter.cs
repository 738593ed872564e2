using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Localization;
using BotChannels = Microsoft.Bot.Connector.Channels;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Channels;

/// <summary>
/// The CloudAdapter behind /api/messages: runs the registered turn middleware, and when a turn fails logs the
/// exception and apologises to the user instead of leaving them without an answer.
/// </summary>
public sealed partial class CrmBotAdapter : CloudAdapter
{
    private readonly IStringLocalizer<CrmBotAdapter> _messages;
    private readonly ConversationState _conversationState;
    private readonly ILogger<CrmBotAdapter> _logger;

    public CrmBotAdapter(
        BotFrameworkAuthentication authentication,
        IEnumerable<IMiddleware> middleware,
        IStringLocalizer<CrmBotAdapter> messages,
        ConversationState conversationState,
        ILoggerFactory loggerFactory)
        : base(authentication, loggerFactory.CreateLogger<CloudAdapter>())
    {
        // The base adapter logs every activity at Information under its own category (Microsoft.Bot...), which
        // configuration can quiet without losing CrmBot's own logs.
        _messages = messages;
        _conversationState = conversationState;
        _logger = loggerFactory.CreateLogger<CrmBotAdapter>();
        foreach (var step in middleware)
        {
            Use(step);
        }

        OnTurnError = ApologizeAsync;
    }

    private async Task ApologizeAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        LogTurnFailed(_logger, exception, activity.Type, activity.ChannelId, activity.Conversation?.Id);

        // The culture a middleware chose does not flow back out of the failed pipeline; the turn state keeps it.
        if (turnContext.TurnState.Get<CultureInfo>() is { } culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(_messages["TurnFailed"]));

        // State that made the turn fail would make the next one fail too: the conversation starts afresh.
        try
        {
            await _conversationState.DeleteAsync(turnContext);
        }
        catch (Exception deleteFailed) when (deleteFailed is not OperationCanceledException)
        {
            LogStateResetFailed(_logger, deleteFailed, activity.Conversation?.Id);
        }

        // The error's text is for the developer in the Bot Framework Emulator only. The adapter drops trace
        // activities for other channels, but an expectReplies response would carry them to the client.
        if (activity.ChannelId == BotChannels.Emulator)
        {
            await turnContext.TraceActivityAsync(
                "OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reset the state of conversation {ConversationId} after a failed turn")]
    private static partial void LogStateResetFailed(ILogger logger, Exception exception, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed on channel {ChannelId}, conversation {ConversationId}")]
    private static partial void LogTurnFailed(
        ILogger logger, Exception exception, string activityType, string channelId, string? conversationId);
}
