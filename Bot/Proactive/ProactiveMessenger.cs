using CrmBot.Channels;
using CrmBot.DirectLine;
using CrmBot.Domain.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CrmBot.Proactive;

/// <summary>
/// Sends into a stored conversation without being written to: through the bot's own Direct Line adapter for the
/// embedded web chat, and through /api/messages' adapter (the Bot Connector, with the bot's app id) for Teams and
/// the Azure channels.
/// </summary>
public sealed class ProactiveMessenger(CrmBotAdapter connector, DirectLineAdapter directLine, IConfiguration configuration)
{
    /// <summary>True for the bot's own web chat, which records a proactive message and its delivery in one transaction.</summary>
    public static bool RecordsDeliveries(ConversationReferenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ServiceUrl == DirectLineAdapter.ServiceUrl;
    }

    public Task ContinueAsync(ConversationReferenceRecord record, BotCallbackHandler callback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reference = JsonConvert.DeserializeObject<ConversationReference>(record.Json)
            ?? throw new InvalidOperationException($"The conversation reference {record.Id} is empty.");
        return reference.ServiceUrl == DirectLineAdapter.ServiceUrl
            ? directLine.ContinueConversationAsync(directLine.Bot.Id, reference, callback, ct)
            : connector.ContinueConversationAsync(configuration["MicrosoftAppId"] ?? string.Empty, reference, callback, ct);
    }
}
