using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.Workflows;
using CrmBot.Language;
using CrmBot.Proactive;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Does one action of a run. Changes to the database (a reminder, a rep, a tag) are made in the run's context and
/// saved by the executor together with the run's log, so they happen once; messages go through the delivery ledger
/// under a key of the run, so they go out once however often the run is tried.
/// </summary>
public sealed class WorkflowActions(
    CustomerNotifier notifier,
    OnceSender sender,
    ConversationReferenceStore references,
    DeliveryLedger ledger,
    WorkflowMessages messages,
    WorkflowNoticeCard cards,
    SupportedCultures cultures,
    IOptions<WorkflowsOptions> options)
{
    /// <summary>How long a message held back for the customer's night waits before the run is tried again.</summary>
    public static readonly TimeSpan QuietHoursRetry = TimeSpan.FromMinutes(15);

    public async Task<ActionStep> RunAsync(ActionRun work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Action.Type switch
        {
            WorkflowActionType.MessageCustomer => await MessageCustomerAsync(work, ct),
            WorkflowActionType.NotifyRep => await NotifyRepsAsync(work, allReps: false, ct),
            WorkflowActionType.NotifyAllReps => await NotifyRepsAsync(work, allReps: true, ct),
            WorkflowActionType.CreateReminder => CreateReminder(work),
            WorkflowActionType.AssignRep => await AssignRepAsync(work, ct),
            WorkflowActionType.TagCustomer => await TagAsync(work, add: true, ct),
            WorkflowActionType.UntagCustomer => await TagAsync(work, add: false, ct),
            _ => throw new InvalidOperationException($"Action {work.Action.Type} has no implementation."),
        };
    }

    private async Task<ActionStep> MessageCustomerAsync(ActionRun work, CancellationToken ct)
    {
        var customer = work.Subject.Customer;
        if (!customer.Consent)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoConsent);
        }

        if (work.Now - work.FirstDueAt > options.Value.Lookback)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.Stale);
        }

        if ((await references.OfCustomerAsync(customer.Id, ct)).Count == 0)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoConversation);
        }

        var key = new DeliveryKey(DeliveryTopic.WorkflowMessage, work.Run.Id, work.Run.TriggeredAt);
        var recipient = new CustomerRecipient(customer.Id, customer.Name, customer.TimeZone, customer.Language);
        var result = await notifier.NotifyAsync(key, recipient, () => messages.Compose(work.Action, work.Trigger, work.Subject), ct);
        return result switch
        {
            SendResult.Sent => work.Finished(ActionResult.Done, ActionReason.None),
            SendResult.Waiting => work.Wait(ActionReason.QuietHours, work.Now + QuietHoursRetry),
            _ => await AfterNotSentAsync(work, [key], ct),
        };
    }

    private async Task<ActionStep> NotifyRepsAsync(ActionRun work, bool allReps, CancellationToken ct)
    {
        var customer = work.Subject.Customer;
        if (!allReps && customer.RepId is null)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoRep);
        }

        var reps = allReps
            ? await work.Db.SalesReps.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct)
            : [customer.RepId!.Value];
        if (reps.Count == 0)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoReps);
        }

        var keys = new List<DeliveryKey>();
        var sent = 0;
        foreach (var rep in reps)
        {
            var chats = await references.OfRepAsync(rep, ct);
            if (chats.Count == 0)
            {
                continue;
            }

            var key = new DeliveryKey(DeliveryTopic.WorkflowNotice, DerivedSubject.Of(work.Run.Id, rep), work.Run.TriggeredAt);
            IActivity message;
            using (cultures.Enter(null))
            {
                message = cards.Message(messages.Compose(work.Action, work.Trigger, work.Subject), work.Action.Buttons ?? [], work.Subject);
            }

            if (await sender.SendAsync(key, chats, message, ct) == SendResult.Sent)
            {
                sent++;
            }
            else
            {
                keys.Add(key);
            }
        }

        if (sent == 0 && keys.Count == 0)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoConversation);
        }

        return keys.Count == 0 ? work.Finished(ActionResult.Done, ActionReason.None, $"{sent}") : await AfterNotSentAsync(work, keys, ct);
    }

    private ActionStep CreateReminder(ActionRun work)
    {
        if (work.Subject.Customer.RepId is not { } rep)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoRep);
        }

        string text;
        using (cultures.Enter(null))
        {
            text = messages.Compose(work.Action, work.Trigger, work.Subject);
        }

        var due = work.Now + (work.Action.DueIn?.ToTimeSpan() ?? TimeSpan.Zero);
        var reminder = new Reminder(rep, text, due, work.Now, work.Subject.Customer.Id, work.Subject.Order?.Id);
        work.Db.Reminders.Add(reminder);
        return work.Finished(ActionResult.Done, ActionReason.None, reminder.Id.ToString());
    }

    private static async Task<ActionStep> AssignRepAsync(ActionRun work, CancellationToken ct)
    {
        if (work.Subject.Customer.RepId is not null)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NothingToChange);
        }

        var reps = await work.Db.SalesReps.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        if (reps.Count == 0)
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NoReps);
        }

        var rep = work.Action.Strategy == RepAssignment.LeastLoaded
            ? await LeastLoadedAsync(work.Db, reps, ct)
            : await NextInTurnAsync(work, reps, ct);
        var customer = await work.Db.Customers.FirstAsync(c => c.Id == work.Subject.Customer.Id, ct);
        customer.AssignRep(rep, work.Now);
        return work.Finished(ActionResult.Done, ActionReason.None, rep.ToString());
    }

    private static async Task<Guid> LeastLoadedAsync(CrmDbContext db, List<Guid> reps, CancellationToken ct)
    {
        var loads = await db.Customers.AsNoTracking()
            .Where(c => c.AssignedRepId != null && c.ErasedAt == null)
            .GroupBy(c => c.AssignedRepId!.Value)
            .Select(g => new { Rep = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rep, g => g.Count, ct);
        return reps.MinBy(r => loads.GetValueOrDefault(r))!;
    }

    /// <summary>The rep after the one this workflow assigned last, in a fixed order of all reps.</summary>
    private static async Task<Guid> NextInTurnAsync(ActionRun work, List<Guid> reps, CancellationToken ct)
    {
        // Runs that are not finished count too: one that assigned a rep and then waits (the customer's night, a send
        // being retried) or failed at a later action has taken its turn.
        var recent = await work.Db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Workflow == work.Run.Workflow && r.Id != work.Run.Id && r.ClaimedAt != null)
            .OrderByDescending(r => r.ClaimedAt)
            .Select(r => r.Log)
            .Take(50)
            .ToListAsync(ct);
        var last = recent.Select(WorkflowRunLog.Parse)
            .Select(log => log.Actions.FirstOrDefault(a => a.Index == work.Index && a.Result == ActionResult.Done))
            .OfType<ActionOutcome>()
            .MaxBy(a => a.At)?.Detail;
        var index = Guid.TryParse(last, out var lastRep) ? reps.IndexOf(lastRep) : -1;
        return reps[(index + 1) % reps.Count];
    }

    private static async Task<ActionStep> TagAsync(ActionRun work, bool add, CancellationToken ct)
    {
        var tag = CustomerTag.Normalize(work.Action.Tag ?? string.Empty);
        var customerId = work.Subject.Customer.Id;
        var existing = await work.Db.CustomerTags.FirstOrDefaultAsync(t => t.CustomerId == customerId && t.Tag == tag, ct);
        if (add == (existing is not null))
        {
            return work.Finished(ActionResult.Skipped, ActionReason.NothingToChange, tag);
        }

        if (add)
        {
            work.Db.CustomerTags.Add(new CustomerTag(customerId, tag, work.Now));
        }
        else
        {
            work.Db.CustomerTags.Remove(existing!);
        }

        return work.Finished(ActionResult.Done, ActionReason.None, tag);
    }

    /// <summary>What the ledger says became of messages this run did not send just now: sent before, being retried, or given up.</summary>
    private async Task<ActionStep> AfterNotSentAsync(ActionRun work, IReadOnlyList<DeliveryKey> keys, CancellationToken ct)
    {
        DateTimeOffset? retryAt = null;
        string? error = null;
        foreach (var key in keys)
        {
            var delivery = await ledger.FindAsync(key, ct);
            switch (delivery?.Status)
            {
                case DeliveryStatus.Sent:
                    break;
                case DeliveryStatus.Retrying:
                    retryAt = Earliest(retryAt, delivery.NextAttemptAt ?? work.Now);
                    error ??= delivery.LastError;
                    break;
                case DeliveryStatus.Sending:
                    // Another run is sending it now (or stopped while it did): look again once its claim would have expired.
                    retryAt = Earliest(retryAt, work.Now + (delivery.Exact ? DeliveryLedger.ExactClaimTimeout : DeliveryLedger.ClaimTimeout));
                    break;
                case DeliveryStatus.Uncertain:
                    return work.Finished(ActionResult.Failed, ActionReason.Uncertain);
                default:
                    return work.Finished(ActionResult.Failed, ActionReason.SendFailed, delivery?.LastError);
            }
        }

        return retryAt is { } at ? work.Wait(ActionReason.SendFailed, at, error) : work.Finished(ActionResult.Done, ActionReason.None);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

}

/// <summary>One action of a run to do now: the run (tracked in <see cref="Db"/>), the rule's action and the subject.</summary>
public sealed record ActionRun(
    CrmDbContext Db, WorkflowRun Run, WorkflowTrigger Trigger, WorkflowAction Action, int Index, WorkflowSubject Subject, DateTimeOffset FirstDueAt, DateTimeOffset Now)
{
    public ActionStep Finished(ActionResult result, ActionReason reason, string? detail = null) =>
        new(new ActionOutcome(Index, Action.ToString(), result, reason, Now) { Detail = detail }, null);

    public ActionStep Wait(ActionReason reason, DateTimeOffset until, string? detail = null) =>
        new(new ActionOutcome(Index, Action.ToString(), ActionResult.Waiting, reason, Now) { Detail = detail }, until);
}

/// <summary>An action's outcome, and when the run is to be tried again when the action must wait.</summary>
public sealed record ActionStep(ActionOutcome Outcome, DateTimeOffset? RetryAt);
