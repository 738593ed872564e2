namespace CrmBot.Domain.WebChat;

/// <summary>
/// A conversation of the bot's own Direct Line endpoint (the embedded web chat): whose it is, so that the bot
/// can tell who is talking on later turns and proactive messages, and whether the bot has been told it started.
/// A signed-in customer's or a rep's conversations belong to them and go when their record goes.
/// </summary>
public sealed class DirectLineConversation
{
    public const int IdMaxLength = 64;
    public const int UserIdMaxLength = 128;
    public const int UserNameMaxLength = 200;

    /// <summary>The channel id of these conversations' activities (Bot Framework's <c>Channels.Directline</c>).</summary>
    public const string ChannelId = "directline";

    public required string Id { get; init; }

    /// <summary>The Direct Line user id the token binds; posted activities must come from it.</summary>
    public required string UserId { get; init; }

    public string? UserName { get; init; }

    public Guid? CustomerId { get; init; }

    public Guid? RepId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the bot received the conversation's start; null until a client starts it.</summary>
    public DateTimeOffset? StartedAt { get; set; }
}
