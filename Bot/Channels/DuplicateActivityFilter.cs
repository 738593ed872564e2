using CrmBot.Domain.Persistence;
using CrmBot.Domain.WebChat;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Channels;

/// <summary>
/// Lets each incoming activity through once. Channels re-send an activity the bot was slow to acknowledge (Teams
/// after 15 seconds) with the same id; the first delivery records (channel, conversation, id) in the database,
/// so a retry, on this instance or another, ends the turn without running the bot again.
/// </summary>
public sealed partial class DuplicateActivityFilter(
    IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, ILogger<DuplicateActivityFilter> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (Key(activity) is not { } key || await TryRecordAsync(key, cancellationToken))
        {
            await next(cancellationToken);
            return;
        }

        LogDuplicate(logger, key.ActivityId, key.ChannelId, key.ConversationId);
    }

    /// <summary>Activities without an id (or with one too long to be a channel's) cannot be told apart and always run.</summary>
    private ProcessedActivity? Key(Microsoft.Bot.Schema.Activity activity) =>
        activity is { Id.Length: > 0 and <= ProcessedActivity.ActivityIdMaxLength, Conversation.Id.Length: > 0 and <= ProcessedActivity.ConversationIdMaxLength }
        && activity.ChannelId is { Length: > 0 and <= ProcessedActivity.ChannelIdMaxLength }
            ? new ProcessedActivity { ChannelId = activity.ChannelId, ConversationId = activity.Conversation.Id, ActivityId = activity.Id, At = clock.GetUtcNow() }
            : null;

    private async Task<bool> TryRecordAsync(ProcessedActivity key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ProcessedActivities.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Only the key's own row makes this a duplicate; any other failure is the turn's to report.
            if (await ExistsAsync(key, ct))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> ExistsAsync(ProcessedActivity key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProcessedActivities.AnyAsync(
            a => a.ChannelId == key.ChannelId && a.ConversationId == key.ConversationId && a.ActivityId == key.ActivityId, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped activity {ActivityId} of {ChannelId} conversation {ConversationId}: already processed")]
    private static partial void LogDuplicate(ILogger logger, string activityId, string channelId, string conversationId);
}
