using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Dialogs;

/// <summary>
/// Puts choices on a question as buttons the channel can show: suggested actions, or a hero card where Teams
/// would not show them (group chats and channels show no suggested actions) or shows too few.
/// </summary>
internal static class ChoiceButtons
{
    private const int MaxTeamsSuggestedActions = 3;

    public static Activity Append(ITurnContext turnContext, Activity prompt, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return prompt;
        }

        var actions = choices.Select(ActionFor).ToList();
        if (NeedsCard(turnContext.Activity, choices.Count))
        {
            prompt.Attachments = [.. prompt.Attachments ?? [], new HeroCard { Buttons = actions }.ToAttachment()];
        }
        else
        {
            prompt.SuggestedActions = new SuggestedActions { Actions = actions };
        }

        return prompt;
    }

    private static bool NeedsCard(Activity activity, int count) =>
        activity.ChannelId == BotChannels.Msteams
        && (count > MaxTeamsSuggestedActions || activity.Conversation?.ConversationType is "groupChat" or "channel");

    private static CardAction ActionFor(Choice choice) =>
        choice.Action ?? new CardAction(ActionTypes.ImBack, title: choice.Value, value: choice.Value);
}
