using CrmBot.Channels;
using CrmBot.Domain.Proactive;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Newtonsoft.Json;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Proactive;

/// <summary>
/// Keeps, for every (channel, user) who talks to the bot one to one, the conversation reference a proactive message
/// needs: service URL, tenant, conversation, and the customer or rep the channel said it is. Only a change is
/// written; what this instance wrote last is remembered for an hour.
/// </summary>
public sealed class ConversationReferenceMiddleware(ConversationReferenceStore store, TimeProvider clock) : IMiddleware, IDisposable
{
    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (Latest(turnContext) is { } latest)
        {
            var key = (latest.ChannelId, latest.UserId);
            var fingerprint = (latest.ConversationId, latest.ServiceUrl, latest.TenantId, latest.CustomerId, latest.RepId);
            if (!_written.TryGetValue(key, out var known) || !Equals(known, fingerprint))
            {
                // Serialised only when it is written: most turns continue a conversation already on record.
                latest.Json = JsonConvert.SerializeObject(turnContext.Activity.GetConversationReference());
                await store.UpsertAsync(latest, cancellationToken);
                _written.Set(key, fingerprint, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            }
        }

        await next(cancellationToken);
    }

    /// <summary>The reference of a one-to-one conversation with a user; null in group chats and channels, and for strangers.</summary>
    private ConversationReferenceRecord? Latest(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var caller = turnContext.Caller();
        if (caller.Role == CallerRole.Stranger || activity.Conversation?.IsGroup == true
            || activity.From?.Id is not { Length: > 0 and <= ConversationReferenceRecord.UserIdMaxLength } userId
            || activity.Conversation?.Id is not { Length: > 0 and <= ConversationReferenceRecord.ConversationIdMaxLength } conversationId
            || activity.ServiceUrl is not { Length: > 0 and <= ConversationReferenceRecord.ServiceUrlMaxLength } serviceUrl
            || activity.ChannelId is not { Length: > 0 and <= ConversationReferenceRecord.ChannelIdMaxLength } channelId)
        {
            return null;
        }

        var tenant = activity.TenantId();
        return new ConversationReferenceRecord
        {
            ChannelId = channelId,
            UserId = userId,
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            TenantId = tenant?.Length <= ConversationReferenceRecord.TenantIdMaxLength ? tenant : null,
            CustomerId = caller.Role == CallerRole.Customer ? caller.Id : null,
            RepId = caller.Role == CallerRole.Rep ? caller.Id : null,
            Json = string.Empty,
            UpdatedAt = clock.GetUtcNow(),
        };
    }

    public void Dispose() => _written.Dispose();
}
