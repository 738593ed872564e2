namespace CrmBot.Domain.Privacy;

/// <summary>
/// What an erasure did. <see cref="AlreadyErased"/>: the customer had been erased before, and the counts are what was
/// left to remove since (usually nothing).
/// </summary>
public sealed record ErasureResult(
    Guid CustomerId,
    bool AlreadyErased,
    int OrdersAnonymised,
    int InteractionsBlanked,
    int RemindersDeleted,
    int ConversationReferencesDeleted,
    int WebChatConversationsDeleted,
    int WebChatActivitiesDeleted,
    int BotStatesDeleted,
    int ProactiveDeliveriesDeleted);
