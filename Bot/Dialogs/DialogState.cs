namespace CrmBot.Dialogs;

/// <summary>
/// The dialog stack of a conversation (or of a component's inner dialogs), stored in ConversationState. The
/// active dialog is first. It holds only plain, JSON-friendly data so any Bot Framework storage can keep it.
/// </summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}
