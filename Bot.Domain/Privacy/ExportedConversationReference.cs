using System.Text.Json;

namespace CrmBot.Domain.Privacy;

/// <summary>Where the bot can reach the customer proactively; <see cref="Reference"/> is the Bot Framework reference as stored.</summary>
public sealed record ExportedConversationReference(
    string ChannelId, string UserId, string ConversationId, string ServiceUrl, string? TenantId, DateTimeOffset UpdatedAt, JsonElement? Reference);
