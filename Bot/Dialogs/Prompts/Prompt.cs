using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// Asks the user for a <typeparamref name="T"/> and waits until an answer is recognized and accepted by the
/// validator, asking again after each answer it cannot accept, up to <see cref="PromptOptions.MaxAttempts"/>.
/// Begin it with <see cref="DialogContext.PromptAsync"/>; it ends with the value, or with
/// <see cref="TooManyAttempts"/> when it gives up.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>Says what was wrong with an answer before the question is asked again, unless the options give a retry prompt.</summary>
    protected abstract string RetryHint { get; }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"The prompt '{Id}' needs PromptOptions.", nameof(options));
        }

        var instance = dc.ActiveDialog!;
        var promptState = new Dictionary<string, object?> { [PromptState.AttemptCountKey] = 0 };
        PromptState.Store(instance, promptOptions);
        instance.State[PromptState.StateKey] = promptState;
        if (PromptTexts.Translate(promptOptions) is { Count: > 0 } translations)
        {
            instance.State[PromptState.TranslationsKey] = translations;
        }

        // A copy of the question is sent, so the caller's options stay as they were.
        var sent = promptOptions.Prompt is { } question ? promptOptions.WithTexts(ActivityCopy.Of(question), promptOptions.RetryPrompt, promptOptions.Help) : promptOptions;
        await OnPromptAsync(dc.Context, promptState, sent, isRetry: false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var (promptState, options) = Read(instance, withActivities: false);
        var attempts = promptState.GetValue<int>(PromptState.AttemptCountKey) + 1;
        promptState[PromptState.AttemptCountKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, promptState, options, cancellationToken);
        var accepted = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, promptState, options), cancellationToken);
        if (accepted)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (options.MaxAttempts > 0 && attempts >= options.MaxAttempts)
        {
            await dc.Context.SendActivityAsync(DialogMessages.TooManyAttempts, cancellationToken: cancellationToken);
            return await dc.EndDialogAsync(new TooManyAttempts(Id, attempts), cancellationToken);
        }

        // A validator that explained the problem itself has said enough.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, promptState, Read(instance, withActivities: true).Options, isRetry: true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog begun on top of the prompt ended: the prompt still waits, so it asks again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (promptState, options) = Read(instance, withActivities: true);
        return OnPromptAsync(turnContext, promptState, options, isRetry: false, cancellationToken);
    }

    public override Activity? GetHelp(ITurnContext turnContext, DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Read(instance, withActivities: true).Options.Help;
    }

    /// <summary>
    /// Sends the question, or on a retry the retry prompt (by default the hint and the question), as the options hold
    /// it: the options' activities are this turn's to change (a copy of the caller's question when first asked, a new
    /// read of the stored options after that).
    /// </summary>
    protected virtual async Task OnPromptAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = isRetry ? RetryActivity(options) : options.Prompt;
        if (prompt is null)
        {
            return;
        }

        // MessageFactory marks every message as accepting input; a question expects it (speech channels open the mic).
        if (prompt.InputHint is null or InputHints.AcceptingInput)
        {
            prompt.InputHint = InputHints.ExpectingInput;
        }

        await turnContext.SendActivityAsync(AppendChoices(turnContext, prompt, options), cancellationToken);
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(
        ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Adds the answers to pick from (buttons) to the question; by default there are none.</summary>
    protected virtual Activity AppendChoices(ITurnContext turnContext, Activity prompt, PromptOptions options) => prompt;

    private Activity RetryActivity(PromptOptions options)
    {
        if (options.RetryPrompt is { } retry)
        {
            return retry;
        }

        var activity = options.Prompt ?? (Activity)Activity.CreateMessageActivity();
        activity.Text = DialogMessages.Retry(RetryHint, activity.Text);
        activity.Speak = null;
        return activity;
    }

    /// <summary>
    /// The prompt's state and options; with the activities, in the turn's language if the user switched to another
    /// one since.
    /// </summary>
    private static (IDictionary<string, object?> State, PromptOptions Options) Read(DialogInstance instance, bool withActivities)
    {
        var options = PromptState.Options(instance, withActivities);
        var promptState = instance.State.GetValue<Dictionary<string, object?>>(PromptState.StateKey) ?? [];
        instance.State[PromptState.StateKey] = promptState;
        if (!withActivities)
        {
            return (promptState, options);
        }

        var translations = instance.State.GetValue<Dictionary<string, PromptTexts>>(PromptState.TranslationsKey);
        return translations?.GetValueOrDefault(CultureInfo.CurrentUICulture.Name) is { } texts ? (promptState, texts.Apply(options)) : (promptState, options);
    }
}
