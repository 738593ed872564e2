namespace CrmBot.Dialogs;

/// <summary>
/// A dialog of steps run in order. A step that begins a prompt or another dialog waits for it; its result is
/// the next step's <see cref="WaterfallStepContext.Result"/>. After the last step the dialog ends with the last
/// result.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = [.. steps ?? []];
    }

    /// <summary>The id and the number of steps: a step added or removed under a waiting conversation restarts it.</summary>
    public override string Version => $"{Id}:{_steps.Count}";

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A message that reached the waterfall itself (a step ended the turn without a prompt) is the next step's result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State.GetValue<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var values = state.GetValue<Dictionary<string, object?>>(ValuesKey) ?? [];
        state[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, state.GetValue<object>(OptionsKey), values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken);
    }

    internal Task<DialogTurnResult> NextStepAsync(WaterfallStepContext stepContext, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(stepContext, stepContext.Index + 1, DialogReason.NextCalled, result, cancellationToken);
}
