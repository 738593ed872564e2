using CrmBot.Domain.Workflows;
using CrmBot.Language;
using CrmBot.Workflows.Engine;
using Microsoft.Extensions.Localization;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// One workflow run told to a rep in the turn's language, from its log: the rule, when and for which order it
/// triggered and on what, each condition with the value found and whether it held, each action's outcome with its
/// reason, and what came of the run.
/// </summary>
public sealed class RunExplanation(IStringLocalizer<RunExplanation> text, WorkflowText words)
{
    /// <summary>The run in a few lines; <paramref name="rule"/> is the rule in force of its name, if any, whose trigger and actions are then told in words.</summary>
    public string Explain(WorkflowRun run, WorkflowRule? rule, string? orderNumber, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(run);
        var log = WorkflowRunLog.Parse(run.Log);
        var trigger = rule?.Definition.Trigger is { } ruleTrigger && WorkflowJson.Name(ruleTrigger.Type) == run.Trigger
            ? words.Trigger(ruleTrigger)
            : run.Trigger;
        var triggered = DateText.At(run.TriggeredAt, zone);
        var lines = new List<string>
        {
            orderNumber is null ? text["Run", run.Workflow, triggered, trigger] : text["RunForOrder", run.Workflow, triggered, orderNumber, trigger],
        };
        lines.AddRange(log.Conditions.Select(c => text[c.Held ? "ConditionHeld" : "ConditionNotHeld", c.Condition, c.Actual ?? text["NoValue"]].Value));
        lines.AddRange(log.Actions.OrderBy(a => a.Index).Select(a => Action(a, rule, zone)));
        lines.Add(Outcome(run, log, zone));
        return string.Join('\n', lines);
    }

    private string Action(ActionOutcome outcome, WorkflowRule? rule, TimeZoneInfo zone)
    {
        // The log names the action as the rule had it then; in words only while the rule still has that very action.
        var action = rule?.Definition.Actions.ElementAtOrDefault(outcome.Index) is { } ruled && ruled.ToString() == outcome.Action
            ? words.Action(ruled)
            : outcome.Action;
        var result = words.Result(outcome.Result);
        var at = DateText.At(outcome.At, zone);
        var reason = words.Reason(outcome.Reason);
        var detail = outcome.Result == ActionResult.Failed || outcome.Reason == ActionReason.SendFailed ? outcome.Detail : null;
        return (reason.Length > 0, detail) switch
        {
            (false, null) => text["Action", action, result, at],
            (true, null) => text["ActionBecause", action, result, at, reason],
            (false, _) => text["ActionDetail", action, result, at, detail],
            (true, _) => text["ActionBecauseDetail", action, result, at, reason, detail],
        };
    }

    private string Outcome(WorkflowRun run, WorkflowRunLog log, TimeZoneInfo zone)
    {
        var completed = DateText.At(run.CompletedAt ?? run.DueAt, zone);
        return run.Status switch
        {
            WorkflowRunStatus.Pending => text["Outcome.Pending", DateText.At(run.DueAt, zone)],
            WorkflowRunStatus.Running => text["Outcome.Running"],
            WorkflowRunStatus.Held => text["Outcome.Held"],
            WorkflowRunStatus.Skipped when log.Skipped is { } reason => text["Outcome.SkippedBecause", completed, words.Skipped(reason)],
            _ => text[$"Outcome.{run.Status}", completed],
        };
    }
}
