using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Privacy;

/// <summary>Writes the privacy audit trail (<see cref="PrivacyAuditEntry"/>) and reads a customer's part of it.</summary>
public sealed class PrivacyAudit(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Records an entry in a context of its own, so that it is written whatever becomes of the caller's changes (a
    /// failed erasure rolls back, and its entry must stay).
    /// </summary>
    public async Task RecordAsync(Actor actor, PrivacyAction action, Guid customerId, PrivacyOutcome outcome, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.PrivacyAudit.Add(new PrivacyAuditEntry(clock.GetUtcNow(), actor, action, customerId, outcome));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PrivacyAuditEntry>> OfCustomerAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PrivacyAudit.AsNoTracking().Where(e => e.CustomerId == customerId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
    }
}
