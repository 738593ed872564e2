namespace CrmBot.Domain.WebChat;

/// <summary>
/// One activity of a Direct Line conversation as the client reads it (the user's own, echoed, and the bot's), in
/// the JSON of the Bot Framework schema. The ever-growing <see cref="Sequence"/> is the conversation's watermark.
/// </summary>
public sealed class DirectLineActivity
{
    public long Sequence { get; init; }

    public required string ConversationId { get; init; }

    public required string Json { get; init; }

    public DateTimeOffset At { get; init; }
}
