using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// A component dialog the user can interrupt at any point with a message that is nothing but a command:
/// "help" (the current question's own help if it has one), "cancel" (ends every dialog, says so) or "menu"
/// (ends every dialog and asks the caller for the main menu with <see cref="MenuRequested"/>). The words come
/// from resources in the turn's language; a longer message such as "cancel order SO-1" goes to the dialogs.
/// </summary>
public class InterruptibleDialog(string dialogId) : ComponentDialog(dialogId)
{
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var activity = innerDc.Context.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }

        var text = Utterance.Normalize(activity.Text);
        if (DialogMessages.HelpWords.Contains(text))
        {
            // Innermost first: the waiting prompt's help if it has some, else that of a dialog around it.
            var contexts = ActiveContexts(innerDc);
            var help = contexts.Select(dc => dc.FindDialog(dc.ActiveDialog!.Id)?.GetHelp(dc.Context, dc.ActiveDialog)).FirstOrDefault(found => found is not null);
            await innerDc.Context.SendActivityAsync(help is null ? MessageFactory.Text(DialogMessages.GeneralHelp) : ActivityCopy.Of(help), cancellationToken);
            if (contexts.Count > 0)
            {
                await contexts[0].RepromptDialogAsync(cancellationToken);
            }

            return EndOfTurn;
        }

        if (DialogMessages.CancelWords.Contains(text))
        {
            await innerDc.Context.SendActivityAsync(DialogMessages.Cancelled, cancellationToken: cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancelParents: true, cancellationToken);
        }

        if (DialogMessages.MenuWords.Contains(text))
        {
            await innerDc.CancelAllDialogsAsync(cancelParents: true, cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Cancelled, MenuRequested.Instance);
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    /// <summary>The contexts with an active dialog from the innermost out, each with its parents (so dialogs of outer sets are found).</summary>
    private static List<DialogContext> ActiveContexts(DialogContext innerDc)
    {
        var contexts = new List<DialogContext>();
        for (var dc = innerDc; dc?.ActiveDialog is not null; dc = dc.Child)
        {
            contexts.Insert(0, dc);
        }

        return contexts;
    }
}
