using System.Globalization;
using CrmBot.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Extensions.Localization;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Channels;

/// <summary>
/// What every adapter does when a turn fails: log the exception (emails and phone numbers in its text masked: a
/// domain error may quote what the user typed), apologise to the user instead of leaving them
/// without an answer, and start the conversation afresh.
/// </summary>
public sealed partial class TurnErrorHandler(
    IStringLocalizer<TurnErrorHandler> messages, ConversationState conversationState, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        LogTurnFailed(logger, exception.Redacted(), activity.Type, activity.ChannelId, activity.Conversation?.Id);

        // The culture a middleware chose does not flow back out of the failed pipeline; the turn state keeps it.
        if (turnContext.TurnState.Get<CultureInfo>() is { } culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(messages["TurnFailed"]));

        // State that made the turn fail would make the next one fail too: the conversation starts afresh.
        try
        {
            await conversationState.DeleteAsync(turnContext);
        }
        catch (Exception deleteFailed) when (deleteFailed is not OperationCanceledException)
        {
            LogStateResetFailed(logger, deleteFailed.Redacted(), activity.Conversation?.Id);
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
