using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Proactive;

/// <summary>
/// Makes proactive messages go out once although the jobs that send them run at least once (Hangfire retries, two
/// servers, a restart). A message is claimed by its key before it is sent, and the key is unique, so only one run
/// can claim it. What happens around a send:
/// <list type="bullet">
/// <item>sent and recorded: no later run sends it again;</item>
/// <item>the send failed: it is retried after a back-off (1, 5, 15, 60 minutes), at most <see cref="MaxAttempts"/> times in all, then left for reps;</item>
/// <item>the process stopped between sending and recording (the claim is older than <see cref="ClaimTimeout"/>): it may
/// have gone out, and a second copy is worse than a missing one, so it is marked <see cref="DeliveryStatus.Uncertain"/> and not sent again;</item>
/// <item>except on a channel that records the message and its Sent mark in one transaction (an exact claim, the bot's
/// own web chat): there an open claim means nothing went out, so after <see cref="ExactClaimTimeout"/> another run sends it.</item>
/// </list>
/// </summary>
public sealed class DeliveryLedger(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    /// <summary>Longer than any send takes; a claim older than this was left by a run that stopped.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// An exact claim still open after this was left by a run that stopped before its transaction committed, so its
    /// message did not go out: another run takes it over. Should the first run still be at work, its Sent mark finds
    /// the attempt changed and its transaction rolls back, so the message still goes out once.
    /// </summary>
    public static readonly TimeSpan ExactClaimTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>This run's claim when it may send the message now; null when it is sent, being sent, or not due for a retry.</summary>
    public async Task<DeliveryClaim?> ClaimAsync(DeliveryKey key, bool exact, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ProactiveDeliveries.Add(new ProactiveDelivery
        {
            Topic = key.Topic,
            SubjectId = key.SubjectId,
            Occurrence = key.Occurrence,
            Status = DeliveryStatus.Sending,
            Exact = exact,
            Attempts = 1,
            ClaimedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return new DeliveryClaim(key, 1, exact);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var existing = await Find(db, key).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Delivery '{key}' could be neither claimed nor found.");
        switch (existing.Status)
        {
            case DeliveryStatus.Sending when existing.Exact && existing.ClaimedAt + ExactClaimTimeout < now:
            case DeliveryStatus.Retrying when existing.NextAttemptAt <= now:
                // Two runs may find it at once: the one whose update still sees the old attempt count wins.
                var claimed = await db.ProactiveDeliveries
                    .Where(d => d.Id == existing.Id && d.Status == existing.Status && d.Attempts == existing.Attempts)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(d => d.Status, DeliveryStatus.Sending)
                            .SetProperty(d => d.Exact, exact)
                            .SetProperty(d => d.Attempts, existing.Attempts + 1)
                            .SetProperty(d => d.ClaimedAt, now),
                        ct);
                return claimed == 1 ? new DeliveryClaim(key, existing.Attempts + 1, exact) : null;
            case DeliveryStatus.Sending when existing.ClaimedAt + ClaimTimeout < now:
                await db.ProactiveDeliveries.Where(d => d.Id == existing.Id && d.Status == DeliveryStatus.Sending)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.Uncertain), ct);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Marks an exact claim sent inside the caller's transaction, the one that records the message: false when the
    /// claim was taken over meanwhile, and then the caller rolls back.
    /// </summary>
    public static async Task<bool> MarkSentAsync(CrmDbContext db, DeliveryClaim claim, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await Find(db, claim.Key)
            .Where(d => d.Status == DeliveryStatus.Sending && d.Attempts == claim.Attempt)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now), ct) == 1;
    }

    public async Task MarkSentAsync(DeliveryKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await Find(db, key)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now), ct);
    }

    public async Task MarkFailedAsync(DeliveryKey key, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = await Find(db, key).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Delivery '{key}' was never claimed.");
        delivery.LastError = error.Length > 1000 ? error[..1000] : error;
        if (delivery.Attempts >= MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
        }
        else
        {
            delivery.Status = DeliveryStatus.Retrying;
            delivery.NextAttemptAt = now + Backoff[Math.Min(delivery.Attempts, Backoff.Length) - 1];
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<ProactiveDelivery?> FindAsync(DeliveryKey key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Find(db, key).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Messages that did not reach their recipient since a time: given up after every retry, or stopped between
    /// sending and recording (a claim left longer than <see cref="ClaimTimeout"/> counts too), the latest first.
    /// </summary>
    public async Task<IReadOnlyList<ProactiveDelivery>> UndeliveredSinceAsync(DateTimeOffset since, int max, CancellationToken ct)
    {
        var abandoned = clock.GetUtcNow() - ClaimTimeout;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProactiveDeliveries.AsNoTracking()
            .Where(d => d.ClaimedAt >= since
                && (d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Uncertain || (d.Status == DeliveryStatus.Sending && !d.Exact && d.ClaimedAt < abandoned)))
            .OrderByDescending(d => d.ClaimedAt)
            .Take(max)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The deliveries of a topic that a run must leave alone now: sent, being sent, given up, or waiting for their
    /// retry. A job's query of what is due leaves out the subjects that have one, so settled messages don't fill its
    /// batch. A claim left longer than <see cref="ClaimTimeout"/> is not settled yet: the next run's claim marks it
    /// <see cref="DeliveryStatus.Uncertain"/>.
    /// </summary>
    public static IQueryable<ProactiveDelivery> Settled(CrmDbContext db, DeliveryTopic topic, DateTimeOffset now)
    {
        var (abandoned, abandonedExact) = (now - ClaimTimeout, now - ExactClaimTimeout);
        return db.ProactiveDeliveries.Where(d => d.Topic == topic
            && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Uncertain
                || (d.Status == DeliveryStatus.Sending && (d.Exact ? d.ClaimedAt >= abandonedExact : d.ClaimedAt >= abandoned))
                || (d.Status == DeliveryStatus.Retrying && d.NextAttemptAt > now)));
    }

    private static IQueryable<ProactiveDelivery> Find(CrmDbContext db, DeliveryKey key) =>
        db.ProactiveDeliveries.Where(d => d.SubjectId == key.SubjectId && d.Topic == key.Topic && d.Occurrence == key.Occurrence);
}
