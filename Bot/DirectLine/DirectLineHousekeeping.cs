using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.DirectLine;

/// <summary>
/// Keeps the channels' records bounded (a job, hourly): deletes web chat conversations idle for longer than
/// DirectLine:ConversationRetention, and the ids of activities processed more than a day ago (channels retry
/// within minutes).
/// </summary>
public sealed partial class DirectLineHousekeeping(
    DirectLineStore store,
    IDbContextFactory<CrmDbContext> contexts,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    ILogger<DirectLineHousekeeping> logger)
{
    private static readonly TimeSpan ProcessedActivityRetention = TimeSpan.FromDays(1);

    public async Task CleanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversations = await store.DeleteIdleAsync(now - options.Value.ConversationRetention, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var processed = await db.ProcessedActivities.Where(a => a.At < now - ProcessedActivityRetention).ExecuteDeleteAsync(ct);
        if (conversations + processed > 0)
        {
            LogCleaned(logger, conversations, processed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Conversations} idle web chat conversations and {Processed} old processed-activity ids")]
    private static partial void LogCleaned(ILogger logger, int conversations, int processed);

}
