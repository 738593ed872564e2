using Microsoft.Bot.Builder;

namespace CrmBot.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs <paramref name="dialog"/> as the conversation's root for this turn: continues the dialog the user is in,
    /// or begins <paramref name="dialog"/> when none is (first turn, after the end, cancel or a restart after an
    /// update) or when the user asked for the menu. The caller saves conversation state after the turn.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty || result.Result is MenuRequested)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }

        return result;
    }

    /// <summary>Asks again the question the conversation under <paramref name="dialog"/> waits on, if it waits on one.</summary>
    public static async Task RepromptAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dc = await new DialogSet(accessor).Add(dialog).CreateContextAsync(turnContext, cancellationToken);
        await dc.RepromptDialogAsync(cancellationToken);
    }
}
