using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;

namespace CrmBot.Conversations;

/// <summary>
/// Slows down anyone guessing order numbers in chat: a visitor or customer whose lookups found nothing
/// <see cref="MissesAllowed"/> times within <see cref="Window"/> may not look up orders until older misses leave the
/// window. Lookups that find an order cost nothing, so a customer tracking their own orders is never held up; reps are
/// not limited. Counted per channel user in this process's memory: on several instances each counts its own, and a
/// new anonymous visitor needs a new token, which the visitor token endpoint rate-limits per address.
/// </summary>
public sealed class OrderLookupLimiter : IDisposable
{
    public const int MissesAllowed = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _misses = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetSlidingWindowLimiter(user, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = MissesAllowed,
            Window = Window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        }));

    /// <summary>Whether this turn's user may look up an order now.</summary>
    public bool MayLookUp(ITurnContext turn) => (_misses.GetStatistics(User(turn))?.CurrentAvailablePermits ?? MissesAllowed) > 0;

    /// <summary>Counts a lookup that found nothing.</summary>
    public void Missed(ITurnContext turn)
    {
        using var lease = _misses.AttemptAcquire(User(turn));
    }

    public void Dispose() => _misses.Dispose();

    private static string User(ITurnContext turn) => $"{turn.Activity.ChannelId}/{turn.Activity.From?.Id}";
}
