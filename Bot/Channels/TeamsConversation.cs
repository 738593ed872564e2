using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Channels;

/// <summary>What a Microsoft Teams activity says about its conversation: group or one to one, and the tenant.</summary>
public static class TeamsConversation
{
    /// <summary>
    /// A team's channel or a group chat: the bot only hears the messages that @mention it, and Teams shows no suggested
    /// actions there. Teams marks both with <c>conversation.isGroup</c> and a <c>conversationType</c> of "channel" or
    /// "groupChat"; either is enough.
    /// </summary>
    public static bool IsTeamsGroup(this IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId == BotChannels.Msteams
            && (activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "channel" or "groupChat");
    }

    /// <summary>
    /// The Entra tenant of a Teams activity: channelData.tenant.id, which newer payloads repeat in conversation.tenantId.
    /// An id that is not a value (an object or an array, which no channel sends) is no tenant.
    /// </summary>
    public static string? TenantId(this IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ((activity.ChannelData as JObject)?.SelectToken("tenant.id") as JValue)?.Value<string>() ?? activity.Conversation?.TenantId;
    }
}
