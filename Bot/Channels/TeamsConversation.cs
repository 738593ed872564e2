using Microsoft.Bot.Schema;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Channels;

/// <summary>What kind of Microsoft Teams conversation an activity belongs to.</summary>
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
}
