using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Proactive;

/// <summary>The conversation references proactive messages go out through, one per (channel, user).</summary>
public sealed class ConversationReferenceStore(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>Records the latest conversation of (channel, user), creating or updating their one row.</summary>
    public async Task UpsertAsync(ConversationReferenceRecord latest, CancellationToken ct)
    {
        if (await UpdateAsync(latest, ct) > 0)
        {
            return;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.ConversationReferences.Add(latest);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another turn of the same user created the row first: it is theirs to update now.
            if (await UpdateAsync(latest, ct) == 0)
            {
                throw;
            }
        }
    }

    public async Task<IReadOnlyList<ConversationReferenceRecord>> OfCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ConversationReferences.AsNoTracking().Where(r => r.CustomerId == customerId).OrderByDescending(r => r.UpdatedAt).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ConversationReferenceRecord>> OfRepAsync(Guid repId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ConversationReferences.AsNoTracking().Where(r => r.RepId == repId).OrderByDescending(r => r.UpdatedAt).ToListAsync(ct);
    }

    private async Task<int> UpdateAsync(ConversationReferenceRecord latest, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ConversationReferences
            .Where(r => r.ChannelId == latest.ChannelId && r.UserId == latest.UserId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.ConversationId, latest.ConversationId)
                    .SetProperty(r => r.ServiceUrl, latest.ServiceUrl)
                    .SetProperty(r => r.TenantId, latest.TenantId)
                    .SetProperty(r => r.CustomerId, latest.CustomerId)
                    .SetProperty(r => r.RepId, latest.RepId)
                    .SetProperty(r => r.Json, latest.Json)
                    .SetProperty(r => r.UpdatedAt, latest.UpdatedAt),
                ct);
    }
}
