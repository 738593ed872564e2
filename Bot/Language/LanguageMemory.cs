using Microsoft.Bot.Builder;

namespace CrmBot.Language;

/// <summary>
/// The language a user asked for ("English please", "说中文"), remembered in the conversation's state and in the
/// user's, so that their next conversation on the same channel starts in it too.
/// </summary>
public sealed class LanguageMemory(ConversationState conversationState, UserState userState)
{
    private const string Property = "Language";

    // In the conversation: the culture name chosen, "" when none was, missing until the user's state was looked up. A
    // plain string, so that reading it back does not make the state look changed (and written) on every turn.
    private readonly IStatePropertyAccessor<string> _conversation = conversationState.CreateProperty<string>(Property);
    private readonly IStatePropertyAccessor<string> _user = userState.CreateProperty<string>(Property);

    /// <summary>
    /// The culture name the user chose, or null. Conversation state is read on every turn anyway (the dialogs live
    /// there); the user's state only on a conversation's first turn, whose answer the conversation then keeps.
    /// </summary>
    public async Task<string?> ChosenAsync(ITurnContext turnContext, CancellationToken ct)
    {
        var chosen = await _conversation.GetAsync(turnContext, () => null!, ct);
        if (chosen is null)
        {
            chosen = await _user.GetAsync(turnContext, () => string.Empty, ct);
            await _conversation.SetAsync(turnContext, chosen, ct);
        }

        return chosen.Length > 0 ? chosen : null;
    }

    /// <summary>Remembers the choice; the conversation's state is saved by the bot after the turn, the user's here.</summary>
    public async Task RememberAsync(ITurnContext turnContext, string culture, CancellationToken ct)
    {
        await _conversation.SetAsync(turnContext, culture, ct);
        await _user.SetAsync(turnContext, culture, ct);
        await userState.SaveChangesAsync(turnContext, force: false, ct);
    }
}
