using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// A conversation step that can span turns: begun once, continued with each of the user's messages, resumed when a
/// dialog it began ends. Only its <see cref="DialogInstance"/> survives between turns, so a dialog object holds
/// no per-conversation data and is shared by every conversation.
/// </summary>
public abstract class Dialog
{
    /// <summary>Returned by a dialog that waits for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>
    /// Stamped on each instance when it begins; a conversation waiting in an instance of another version starts
    /// over. Override it (or add to it) when a change keeps the shape this default sees but breaks stored state.
    /// </summary>
    public virtual string Version => Id;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user wrote while this dialog was active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A dialog this one began has ended with <paramref name="result"/>. By default this one ends with it too.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for what the dialog waits for (after help, for instance).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>The instance leaves the stack: ended, replaced or cancelled.</summary>
    public virtual Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Help for where the instance stands (a prompt's help, say), or null to let a dialog below answer.</summary>
    public virtual Activity? GetHelp(ITurnContext turnContext, DialogInstance instance) => null;
}
