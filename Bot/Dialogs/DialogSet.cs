using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace CrmBot.Dialogs;

/// <summary>
/// The dialogs a dialog context can begin, by id. The root set reads and writes the conversation's dialog stack
/// through a state property accessor; a component's inner set lives in the component's own state.
/// </summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    // The version of each dialog added by type, taken from the first one built in this process (see Add<TDialog>).
    private static readonly ConcurrentDictionary<(Type Type, string Id), string> VersionsOfType = new();

    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Type Type, Func<Dialog> Create)> _byType = new(StringComparer.Ordinal);

    /// <summary>
    /// The version of every dialog in the set. A dialog added by type gives the version of the first of its type built in
    /// this process, whether this set built it or not: the set's version stays the same from turn to turn, and asking
    /// for it builds none of its dialogs after the first time.
    /// </summary>
    public IEnumerable<string> Versions
    {
        get
        {
            List<string> versions = [.. _dialogs.Where(pair => !_byType.ContainsKey(pair.Key)).Select(pair => pair.Value.Version)];
            foreach (var (id, (type, _)) in _byType)
            {
                if (!VersionsOfType.TryGetValue((type, id), out var version))
                {
                    Find(id);
                    version = VersionsOfType[(type, id)];
                }

                versions.Add(version);
            }

            return versions;
        }
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_byType.ContainsKey(dialog.Id) || (!_dialogs.TryAdd(dialog.Id, dialog) && !ReferenceEquals(_dialogs[dialog.Id], dialog)))
        {
            throw new InvalidOperationException($"The dialog set already has another dialog with the id '{dialog.Id}'.");
        }

        return this;
    }

    /// <summary>
    /// A dialog built by <paramref name="create"/> the first time a turn begins or continues it. Dialogs are built for
    /// every turn (they use the turn's services) and a turn runs one or two of them, so a root with many pays only for
    /// those. A <typeparamref name="TDialog"/> must build the same inner dialogs every time: the set reports the version
    /// of the first one built.
    /// </summary>
    public DialogSet Add<TDialog>(string dialogId, Func<TDialog> create)
        where TDialog : Dialog
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        ArgumentNullException.ThrowIfNull(create);
        if (_dialogs.ContainsKey(dialogId) || !_byType.TryAdd(dialogId, (typeof(TDialog), create)))
        {
            throw new InvalidOperationException($"The dialog set already has another dialog with the id '{dialogId}'.");
        }

        return this;
    }

    public Dialog? Find(string dialogId)
    {
        if (_dialogs.TryGetValue(dialogId, out var dialog))
        {
            return dialog;
        }

        if (!_byType.TryGetValue(dialogId, out var byType))
        {
            return null;
        }

        dialog = byType.Create();
        if (dialog.Id != dialogId)
        {
            throw new InvalidOperationException($"The dialog added as '{dialogId}' was built with the id '{dialog.Id}'.");
        }

        _dialogs.Add(dialogId, dialog);
        // Only the first of its type gives the version: later ones need not compute theirs.
        VersionsOfType.GetOrAdd((byType.Type, dialogId), static (_, built) => built.Version, dialog);
        return dialog;
    }

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
