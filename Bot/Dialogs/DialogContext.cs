using Microsoft.Bot.Builder;

namespace CrmBot.Dialogs;

/// <summary>
/// A dialog stack at work within one turn: begins, continues, ends, replaces and cancels the dialogs on it. A
/// component dialog's inner stack has its own context, whose <see cref="Parent"/> is the component's context.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack, active dialog first.</summary>
    public List<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The context of the component whose inner stack this is; null for the conversation's own stack.</summary>
    public DialogContext? Parent { get; init; }

    /// <summary>The inner context of the active dialog when it is a component, else null.</summary>
    public DialogContext? Child =>
        ActiveDialog is { } active && FindDialog(active.Id) is ComponentDialog component ? component.CreateInnerContext(this, active) : null;

    internal DialogState State { get; }

    /// <summary>The stored stack could not be read and was replaced by an empty one: tell the user on continue.</summary>
    internal bool StartsOver { get; set; }

    /// <summary>A dialog of this context's set or, failing that, of a parent's.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"There is no dialog '{dialogId}' to begin: add it to the dialog set or component first.");
        Stack.Insert(0, new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Hands the user's message to the active dialog. On the conversation's own stack, a stack the running code no
    /// longer fits (see <see cref="Dialog.Version"/>) is cleared with a polite word to the user, and the result is
    /// <see cref="DialogTurnStatus.Empty"/>, as if nothing had been active.
    /// </summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        // Outdated state surfaces here, at the conversation's own stack, whichever inner stack found it.
        if (Parent is not null)
        {
            return await ContinueActiveDialogAsync(cancellationToken);
        }

        if (!StartsOver)
        {
            try
            {
                return await ContinueActiveDialogAsync(cancellationToken);
            }
            catch (DialogStateOutdatedException)
            {
                // The stacked dialogs are not the running code's: ending them would run new code on old state.
            }
        }

        Stack.Clear();
        StartsOver = false;
        await Context.SendActivityAsync(DialogMessages.RestartAfterUpdate, cancellationToken: cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Empty);
    }

    /// <summary>Ends the active dialog and resumes the one below with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } parent)
        {
            return await CurrentDialog(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and begins another in its place, without resuming the dialog below.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        CancelAllDialogsAsync(cancelParents: false, cancellationToken);

    /// <summary>
    /// Cancels every dialog on this stack and, with <paramref name="cancelParents"/>, on the stacks of the components
    /// above it up to the conversation's own, so the whole conversation ends.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(bool cancelParents, CancellationToken cancellationToken = default)
    {
        var cancelled = Stack.Count > 0;
        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        if (cancelParents && Parent is not null)
        {
            await Parent.CancelAllDialogsAsync(cancelParents: true, cancellationToken);
            cancelled = true;
        }

        return new DialogTurnResult(cancelled ? DialogTurnStatus.Cancelled : DialogTurnStatus.Empty);
    }

    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            await CurrentDialog(active).RepromptDialogAsync(Context, active, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ContinueActiveDialogAsync(CancellationToken cancellationToken)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        // The whole stack is checked before anything runs: a dialog below may be resumed in this very turn.
        foreach (var instance in Stack)
        {
            CurrentDialog(instance);
        }

        return await CurrentDialog(Stack[0]).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>The dialog of a stacked instance, provided the running code still has it in the same version.</summary>
    private Dialog CurrentDialog(DialogInstance? instance)
    {
        // Instances come from storage: a corrupt or older blob can hold nulls whatever the declared types say.
        if (instance?.Id is not { } id || FindDialog(id) is not { } dialog)
        {
            throw new DialogStateOutdatedException($"The stacked dialog '{instance?.Id}' no longer exists.");
        }

        if (dialog.Version != instance.Version)
        {
            throw new DialogStateOutdatedException($"The dialog '{id}' is now version '{dialog.Version}', the stack has '{instance.Version}'.");
        }

        return dialog;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        Stack.Remove(instance);
    }
}
