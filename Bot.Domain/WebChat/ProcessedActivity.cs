namespace CrmBot.Domain.WebChat;

/// <summary>
/// An incoming activity the bot has taken on: channels retry (Teams re-sends after 15 seconds), and a retried
/// activity has the id of the first, so a second row for the same key means "already done".
/// </summary>
public sealed class ProcessedActivity
{
    public const int ChannelIdMaxLength = 64;
    public const int ConversationIdMaxLength = 512;
    public const int ActivityIdMaxLength = 256;

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public required string ActivityId { get; init; }

    public DateTimeOffset At { get; init; }
}
