using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Events;

/// <summary>
/// Reads the domain events not processed yet and marks them processed. Safe with several instances: each row is
/// marked by exactly one caller, and every caller is told which rows it marked.
/// </summary>
public sealed class DomainEventOutbox(CrmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Up to <paramref name="max"/> unprocessed events, in the order they were written; those of one subject (an order)
    /// always in the order they happened, since each change of it saves after the one before. Read in batches: take
    /// some, handle them, mark them, read again.
    /// </summary>
    public async Task<IReadOnlyList<StoredDomainEvent>> ReadUnprocessedAsync(int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return await db.DomainEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null)
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Marks those of <paramref name="ids"/> that are still unprocessed, and returns them: a row another caller marked
    /// first (another instance handling the same batch) is not in the answer.
    /// </summary>
    public async Task<IReadOnlyList<long>> MarkProcessedAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        // One conditional UPDATE: on PostgreSQL a second caller waits for the first one's row locks and then finds the
        // rows processed; on SQLite writers take turns. The batch id then tells this caller's rows from the other's.
        var batch = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var wanted = ids.Distinct().ToList();
        await db.DomainEvents
            .Where(e => wanted.Contains(e.Id) && e.ProcessedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ProcessedAt, now).SetProperty(e => e.ProcessedBatch, batch), ct);
        return await db.DomainEvents
            .Where(e => wanted.Contains(e.Id) && e.ProcessedBatch == batch)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync(ct);
    }

    /// <summary>Deletes the events processed before <paramref name="cutoff"/>: handled, they are history the database need not keep.</summary>
    public Task<int> DeleteProcessedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default) =>
        db.DomainEvents.Where(e => e.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
}
