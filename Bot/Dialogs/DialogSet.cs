using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace CrmBot.Dialogs;

/// <summary>
/// The dialogs a dialog context can begin, by id. The root set reads and writes the conversation's dialog stack
/// through a state property accessor; a component's inner set lives in the component's own state.
/// </summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog) && !ReferenceEquals(_dialogs[dialog.Id], dialog))
        {
            throw new InvalidOperationException($"The dialog set already has another dialog with the id '{dialog.Id}'.");
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>
    /// The dialog context of the turn, on the stack stored in conversation state. A stored stack that no longer
    /// reads as a <see cref="DialogState"/> is replaced by an empty one, and the context's next continue tells the
    /// user the conversation starts over.
    /// </summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var accessor = dialogState
            ?? throw new InvalidOperationException("This dialog set has no state property accessor: create it with one to run dialogs on it.");
        try
        {
            var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken);

            // From a storage without type names BotState hands out a new DialogState converted from a JObject but
            // keeps (and later saves) the JObject: the stack would never change. Setting it saves the object in use.
            await accessor.SetAsync(turnContext, state, cancellationToken);
            return new DialogContext(this, turnContext, state);
        }
        catch (JsonException)
        {
            var state = new DialogState();
            await accessor.SetAsync(turnContext, state, cancellationToken);
            return new DialogContext(this, turnContext, state) { StartsOver = true };
        }
    }
}
