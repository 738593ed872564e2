namespace CrmBot.Domain.Proactive;

/// <summary>
/// Where the bot can reach a user without being written to first: the Bot Framework conversation reference of the
/// latest conversation of (channel, user), with the service URL and tenant, linked to the customer or rep it belongs
/// to. Written on every turn that changes it; goes when the customer or rep record goes.
/// </summary>
public sealed class ConversationReferenceRecord
{
    public const int ChannelIdMaxLength = 64;
    public const int UserIdMaxLength = 256;
    public const int ConversationIdMaxLength = 512;
    public const int ServiceUrlMaxLength = 512;
    public const int TenantIdMaxLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? TenantId { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? RepId { get; set; }

    /// <summary>The whole reference as Bot Framework JSON, for ContinueConversation.</summary>
    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
