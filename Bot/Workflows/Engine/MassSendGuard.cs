using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Workflows;
using CrmBot.Language;
using CrmBot.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Stops a rule that would message many customers at once (a wrong condition, a bulk import, a schedule for
/// everyone): when one pass added more runs than <see cref="WorkflowsOptions.MaxMessagesPerRun"/> for a rule that
/// messages customers, those runs are held, and every rep is told how to release or discard them.
/// </summary>
public sealed partial class MassSendGuard(
    IDbContextFactory<CrmDbContext> contexts,
    OnceSender sender,
    ConversationReferenceStore references,
    SupportedCultures cultures,
    IOptions<WorkflowsOptions> options,
    IStringLocalizer<WorkflowMessages> text,
    ILogger<MassSendGuard> logger)
{
    /// <summary>Holds the runs of the pass's rules that went over the limit; returns how many runs it held.</summary>
    public async Task<int> ApplyAsync(WorkflowPass pass, IEnumerable<WorkflowRule> rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var max = options.Value.MaxMessagesPerRun;
        var over = rules
            .Where(r => r.Definition.Actions.Any(a => a.Type == WorkflowActionType.MessageCustomer)
                && pass.AddedByWorkflow.GetValueOrDefault(r.Name) > max)
            .Select(r => r.Name)
            .ToList();
        var held = 0;
        foreach (var workflow in over)
        {
            int count;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                count = await db.WorkflowRuns
                    .Where(r => r.Workflow == workflow && r.CreatedAt == pass.Now && r.Status == WorkflowRunStatus.Pending)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, WorkflowRunStatus.Held), ct);
            }

            held += count;
            LogHeld(logger, workflow, count, max);
            await TellRepsAsync(workflow, count, max, pass.Now, ct);
        }

        return held;
    }

    private async Task TellRepsAsync(string workflow, int count, int max, DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> reps;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            reps = await db.SalesReps.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        }

        foreach (var rep in reps)
        {
            string message;
            using (cultures.Enter(null))
            {
                message = text["Held", workflow, count, max];
            }

            var chats = await references.OfRepAsync(rep, ct);
            if (chats.Count > 0)
            {
                await sender.SendAsync(new DeliveryKey(DeliveryTopic.WorkflowHeld, DerivedSubject.Of(rep, workflow), now), chats, MessageFactory.Text(message), ct);
            }
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow {Workflow} would message {Count} customers at once (more than {Max}): its runs are held for a rep to release or discard")]
    private static partial void LogHeld(ILogger logger, string workflow, int count, int max);
}
