namespace CrmBot.Domain.Persistence;

/// <summary>
/// The keys Bot Framework's ConversationState and UserState store a conversation's and a user's state under
/// (<c>{channel}/conversations/{id}</c>, <c>{channel}/users/{id}</c>), for finding the <see cref="StoredState"/> of a person.
/// </summary>
public static class BotStateKeys
{
    public static string Conversation(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    public static string User(string channelId, string userId) => $"{channelId}/users/{userId}";

    public static IEnumerable<string> Of(string channelId, string conversationId, string userId) =>
        [Conversation(channelId, conversationId), User(channelId, userId)];
}
