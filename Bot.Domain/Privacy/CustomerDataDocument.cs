namespace CrmBot.Domain.Privacy;

/// <summary>Everything CrmBot stores about one customer: the document an export hands out (as JSON, see <see cref="CustomerDataExport.ToJson"/>).</summary>
public sealed record CustomerDataDocument(
    DateTimeOffset ExportedAt,
    ExportedCustomer Customer,
    IReadOnlyList<ExportedOrder> Orders,
    IReadOnlyList<ExportedInteraction> Interactions,
    IReadOnlyList<ExportedReminder> Reminders,
    IReadOnlyList<ExportedConversationReference> ConversationReferences,
    IReadOnlyList<ExportedWebChatConversation> WebChatConversations,
    IReadOnlyList<ExportedBotState> BotState,
    IReadOnlyList<ExportedDelivery> ProactiveDeliveries);
