using CrmBot.Domain.Proactive;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.WebChat;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.DirectLine;

/// <summary>
/// Direct Line conversations and their activities in the project's database: they survive a restart, every
/// instance sees them, and a proactive message can reach a visitor who left the page open.
/// </summary>
public sealed class DirectLineStore(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>The most activities one poll returns; the client pages on with the watermark.</summary>
    public const int PageSize = 100;

    public async Task<DirectLineConversation> CreateAsync(DirectLineUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = new DirectLineConversation
        {
            Id = DirectLineUser.NewId(),
            UserId = user.Id,
            UserName = user.Name,
            CustomerId = user.CustomerId,
            RepId = user.RepId,
            CreatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.DirectLineConversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        return conversation;
    }

    public async Task<DirectLineConversation?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DirectLineConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>Marks the conversation started; true for the one caller that started it.</summary>
    public async Task<bool> TryStartAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var started = await db.DirectLineConversations
            .Where(c => c.Id == id && c.StartedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.StartedAt, now), ct);
        return started == 1;
    }

    /// <summary>
    /// Adds activities (JSON) to the conversation, in order; returns their sequence numbers. A proactive message's
    /// <paramref name="claim"/> is marked sent in the same transaction, so the message is recorded exactly when its
    /// delivery is (<see cref="DeliveryClaimLostException"/>, and nothing written, when another run took the claim over).
    /// </summary>
    public async Task<IReadOnlyList<long>> AppendAsync(string conversationId, IReadOnlyList<string> activities, DeliveryClaim? claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = activities.Select(json => new DirectLineActivity { ConversationId = conversationId, Json = json, At = now }).ToList();
        db.DirectLineActivities.AddRange(rows);
        if (claim is null)
        {
            await db.SaveChangesAsync(ct);
            return [.. rows.Select(r => r.Sequence)];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (!await DeliveryLedger.MarkSentAsync(db, claim, now, ct))
        {
            throw new DeliveryClaimLostException(claim.Key);
        }

        await transaction.CommitAsync(ct);
        return [.. rows.Select(r => r.Sequence)];
    }

    /// <summary>
    /// The conversation's activities after the watermark (a sequence number), oldest first; null when there is no such
    /// conversation. Clients poll every second, mostly for nothing new: only then is the conversation looked up too.
    /// </summary>
    public async Task<IReadOnlyList<DirectLineActivity>?> ReadAsync(string conversationId, long after, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var activities = await db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > after)
            .OrderBy(a => a.Sequence)
            .Take(PageSize)
            .ToListAsync(ct);
        return activities.Count > 0 || await db.DirectLineConversations.AnyAsync(c => c.Id == conversationId, ct) ? activities : null;
    }

    /// <summary>Deletes conversations nobody used since <paramref name="before"/>, with their activities.</summary>
    /// <remarks>
    /// Its newest activity says when a conversation was last used: appending one stays a single insert, and turns on
    /// a single-writer database are not held up by updating the conversation too.
    /// </remarks>
    public async Task<int> DeleteIdleAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DirectLineConversations
            .Where(c => c.CreatedAt < before && !db.DirectLineActivities.Any(a => a.ConversationId == c.Id && a.At >= before))
            .ExecuteDeleteAsync(ct);
    }
}
