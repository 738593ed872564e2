using CrmBot.Domain.Proactive;
using CrmBot.Privacy;
using Microsoft.Bot.Schema;

namespace CrmBot.Proactive;

/// <summary>
/// Sends one proactive message by its key into the recipient's latest chat, at most once however often the job that
/// asks runs, and records the outcome in the <see cref="DeliveryLedger"/>: sent; failed and retried later (no chat,
/// channel unreachable); or, if the process stops between sending and recording, left uncertain and never repeated.
/// Into the bot's own web chat it is exactly once: the message and its Sent mark are written in one transaction.
/// </summary>
public sealed partial class OnceSender(DeliveryLedger ledger, ProactiveMessenger messenger, ILogger<OnceSender> logger)
{
    public const string NoChat = "The recipient has no chat with the bot to send to.";

    public async Task<SendResult> SendAsync(DeliveryKey key, IReadOnlyList<ConversationReferenceRecord> chats, IActivity message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chats);
        var exact = chats.Count > 0 && ProactiveMessenger.RecordsDeliveries(chats[0]);
        if (await ledger.ClaimAsync(key, exact, ct) is not { } claim)
        {
            return SendResult.NotSent;
        }

        if (chats.Count == 0)
        {
            await ledger.MarkFailedAsync(key, NoChat, ct);
            return SendResult.NotSent;
        }

        try
        {
            await messenger.ContinueAsync(chats[0], (turn, token) =>
            {
                turn.TurnState.Set(claim);
                return turn.SendActivityAsync(message, token);
            }, ct);
        }
        catch (DeliveryClaimLostException)
        {
            return SendResult.NotSent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception.Redacted(), key.ToString());
            await ledger.MarkFailedAsync(key, exception.Message, ct);
            return SendResult.NotSent;
        }

        if (!exact)
        {
            await ledger.MarkSentAsync(key, ct);
        }

        return SendResult.Sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver proactive message {DeliveryKey}; it is retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string deliveryKey);
}
