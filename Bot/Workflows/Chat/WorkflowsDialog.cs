using System.Text;
using CrmBot.Conversations;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Identity;
using CrmBot.Language;
using CrmBot.Workflows.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// "workflows", "pause unpaid-order-nudge", "resume ...", "release ...", "discard ..." (reps only): lists the sales
/// workflow rules with their state and recent runs; pauses or resumes one, recorded with the rep; releases (once the
/// rep has confirmed) or discards the runs of one that the mass-send guard held.
/// </summary>
public sealed class WorkflowsDialog : ComponentDialog
{
    /// <summary>The days whose runs the list counts.</summary>
    public const int RecentDays = 7;

    /// <summary>
    /// Teams refuses a message over about 28 KB, so a long list goes out in several messages, each well below that
    /// even in Chinese (3 bytes a character).
    /// </summary>
    public const int MaxMessageLength = 6000;

    private const string ConfirmRelease = "workflows.confirmRelease";
    private const string WorkflowKey = "workflow";
    private const string HeldUpToKey = "heldUpTo";

    private readonly WorkflowCatalog _catalog;
    private readonly WorkflowSwitchboard _switchboard;
    private readonly WorkflowActivity _activity;
    private readonly HeldRuns _held;
    private readonly WorkflowText _words;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<WorkflowsDialog> _text;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _shopTimeZone;

    public WorkflowsDialog(
        WorkflowCatalog catalog,
        WorkflowSwitchboard switchboard,
        WorkflowActivity activity,
        HeldRuns held,
        WorkflowText words,
        RepOnly repOnly,
        IStringLocalizer<WorkflowsDialog> text,
        IOptions<CrmOptions> options,
        TimeProvider clock)
        : base(nameof(WorkflowsDialog))
    {
        ArgumentNullException.ThrowIfNull(options);
        (_catalog, _switchboard, _activity, _held, _words, _repOnly, _text, _clock) = (catalog, switchboard, activity, held, words, repOnly, text, clock);
        _shopTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        AddDialog(new WaterfallDialog("workflows", [ActAsync, ReleaseAsync]));
        AddDialog(new ConfirmPrompt(ConfirmRelease));
        InitialDialogId = "workflows";
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var request = step.GetOptions<WorkflowRequest>() ?? new WorkflowRequest(WorkflowCommand.List);
        if (request.Command == WorkflowCommand.List)
        {
            await ListAsync(step.Context, ct);
            return await step.EndDialogAsync(null, ct);
        }

        // A name written twice is an error of the later rule: the first is the rule of that name.
        var rules = _catalog.Current.Rules.DistinctBy(r => r.Name).ToList();
        var names = _words.List(rules.Select(r => r.Name));
        if (request.Name is not { } name)
        {
            return await SayAsync(step, _text[$"WhichOne.{request.Command}", names], ct);
        }

        switch (WorkflowNames.Matching(rules, name))
        {
            case []:
                return await SayAsync(step, _text["Unknown", name, names], ct);
            case [var rule]:
                return request.Command switch
                {
                    WorkflowCommand.Pause => await PauseAsync(step, rule, ct),
                    WorkflowCommand.Resume => await ResumeAsync(step, rule, ct),
                    WorkflowCommand.Discard => await DiscardAsync(step, rule, ct),
                    _ => await ConfirmReleaseAsync(step, rule, ct),
                };
            case var several:
                return await SayAsync(step, _text["Ambiguous", name, _words.List(several.Select(r => r.Name))], ct);
        }
    }

    private async Task<DialogTurnResult> PauseAsync(WaterfallStepContext step, WorkflowRule rule, CancellationToken ct)
    {
        if (await _switchboard.SwitchAsync(rule.Name, paused: true, step.Context.Caller().Id, ct))
        {
            return await SayAsync(step, _text["Paused", rule.Name], ct);
        }

        var pause = await _activity.PauseOfAsync(rule.Name, ct);
        var since = pause is null ? string.Empty : DateText.At(pause.At, Zone(step.Context));
        return await SayAsync(step, pause?.By is { } by ? _text["AlreadyPausedBy", rule.Name, by, since] : _text["AlreadyPaused", rule.Name, since], ct);
    }

    private async Task<DialogTurnResult> ResumeAsync(WaterfallStepContext step, WorkflowRule rule, CancellationToken ct)
    {
        if (!rule.IsValid)
        {
            return await SayAsync(step, _text["CannotResumeInvalid", rule.Name, rule.Errors[0].ToString()], ct);
        }

        var resumed = await _switchboard.SwitchAsync(rule.Name, paused: false, step.Context.Caller().Id, ct);
        var answer = (resumed, rule.Definition.Enabled) switch
        {
            (true, true) => "Resumed",
            (true, false) => "ResumedButOff",
            (false, true) => "NotPaused",
            (false, false) => "NotPausedButOff",
        };
        return await SayAsync(step, _text[answer, rule.Name], ct);
    }

    private async Task<DialogTurnResult> DiscardAsync(WaterfallStepContext step, WorkflowRule rule, CancellationToken ct)
    {
        var discarded = await _held.DiscardAsync(rule.Name, ct);
        return await SayAsync(step, discarded == 0 ? _text["NothingHeld", rule.Name] : _text["Discarded", discarded, rule.Name], ct);
    }

    private async Task<DialogTurnResult> ConfirmReleaseAsync(WaterfallStepContext step, WorkflowRule rule, CancellationToken ct)
    {
        var (count, latest) = await _held.CountAsync(rule.Name, ct);
        if (count == 0)
        {
            return await SayAsync(step, _text["NothingHeld", rule.Name], ct);
        }

        // The executor skips the runs of a rule that is off or wrong: released, they would only be skipped.
        if (!rule.IsActive)
        {
            var why = rule.IsValid ? _text["CannotReleaseOff", rule.Name, count] : _text["CannotReleaseInvalid", rule.Name, count, rule.Errors[0].ToString()];
            return await SayAsync(step, why, ct);
        }

        step.Values[WorkflowKey] = rule.Name;
        step.Values[HeldUpToKey] = latest;
        return await step.PromptAsync(ConfirmRelease, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["ConfirmRelease", count, rule.Name]),
            Help = MessageFactory.Text(_text["ConfirmReleaseHelp", rule.Name]),
        }, ct);
    }

    private async Task<DialogTurnResult> ReleaseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var workflow = step.Values.GetValue<string>(WorkflowKey)!;
        if (step.Result is not true)
        {
            return await SayAsync(step, _text["NotReleased", workflow], ct);
        }

        var released = await _held.ReleaseAsync(workflow, step.Values.GetValue<DateTimeOffset>(HeldUpToKey), ct);
        if (released == 0)
        {
            return await SayAsync(step, _text["NothingHeld", workflow], ct);
        }

        var paused = (await _switchboard.PausedAsync(ct)).Contains(workflow);
        return await SayAsync(step, _text[paused ? "ReleasedWhilePaused" : "Released", released, workflow], ct);
    }

    /// <summary>Every rule: its state, what it does, its last run and the runs of the last days, and what waits held.</summary>
    private async Task ListAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var set = _catalog.Current;
        var paused = await _switchboard.PausedAsync(ct);
        var summaries = await _activity.SummariesAsync(set.Rules.Select(r => r.Name), _clock.GetUtcNow().AddDays(-RecentDays), ct);
        var zone = Zone(turnContext);

        var paragraphs = new List<string> { _text["Intro", set.Rules.Count] };
        if (set.FileError is { } fileError)
        {
            paragraphs.Add(_text["FileError", fileError.ToString()]);
        }

        foreach (var rule in set.Rules)
        {
            var lines = new List<string> { _text["RuleState", rule.Name, await StateAsync(rule, paused, zone, ct)] };
            if (rule.Definition.Trigger is not null || rule.Definition.Actions.Count > 0)
            {
                lines.Add(_words.Rule(rule.Definition));
            }

            var runs = summaries.GetValueOrDefault(rule.Name) ?? WorkflowRunSummary.None;
            lines.Add(runs.Latest is { } latest
                ? _text["Runs", DateText.At(latest.TriggeredAt, zone), _words.Status(latest.Status), runs.Done, runs.Skipped, runs.Failed, RecentDays]
                : _text["NoRuns"]);
            if (runs.Held > 0)
            {
                lines.Add(_text["Held", runs.Held, rule.Name]);
            }

            paragraphs.Add(string.Join('\n', lines));
        }

        paragraphs.Add(_text["ListHint"]);
        foreach (var part in Parts(paragraphs))
        {
            await turnContext.SendActivityAsync(part, cancellationToken: ct);
        }
    }

    private async Task<string> StateAsync(WorkflowRule rule, IReadOnlySet<string> paused, TimeZoneInfo zone, CancellationToken ct)
    {
        if (!rule.IsValid)
        {
            return _text["State.Invalid", rule.Errors[0].ToString()];
        }

        if (!rule.Definition.Enabled)
        {
            return _text["State.Off"];
        }

        if (!paused.Contains(rule.Name) || await _activity.PauseOfAsync(rule.Name, ct) is not { } pause)
        {
            return _text["State.On"];
        }

        var since = DateText.At(pause.At, zone);
        return pause.By is { } by ? _text["State.PausedBy", by, since] : _text["State.Paused", since];
    }

    /// <summary>The paragraphs, blank lines between them, in as few messages of at most <see cref="MaxMessageLength"/> as they fit.</summary>
    private static List<string> Parts(IEnumerable<string> paragraphs)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (part.Length > 0 && part.Length + 2 + paragraph.Length > MaxMessageLength)
            {
                parts.Add(part.ToString());
                part.Clear();
            }

            part.Append(part.Length > 0 ? "\n\n" : string.Empty).Append(paragraph);
        }

        parts.Add(part.ToString());
        return parts;
    }

    private TimeZoneInfo Zone(ITurnContext turnContext) => turnContext.Caller().Zone ?? _shopTimeZone;

    private static async Task<DialogTurnResult> SayAsync(WaterfallStepContext step, string answer, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(answer, cancellationToken: ct);
        return await step.EndDialogAsync(null, ct);
    }
}
