using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.DirectLine;

/// <summary>
/// Keeps the channels' records bounded: every hour it deletes web chat conversations idle for longer than
/// DirectLine:ConversationRetention, and the ids of activities processed more than a day ago (channels retry
/// within minutes).
/// </summary>
public sealed partial class DirectLineHousekeeping(
    DirectLineStore store,
    IDbContextFactory<CrmDbContext> contexts,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    ILogger<DirectLineHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan ProcessedActivityRetention = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await CleanAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel housekeeping failed; it runs again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
