namespace CrmBot.Domain.Privacy;

/// <summary>
/// A conversation of the bot's own web chat: the customer's own (signed in), or a visitor's in which their email
/// address or phone number was typed (<see cref="MentionsContact"/>).
/// </summary>
public sealed record ExportedWebChatConversation(
    string Id,
    string UserId,
    string? UserName,
    bool MentionsContact,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    IReadOnlyList<ExportedWebChatActivity> Activities);
