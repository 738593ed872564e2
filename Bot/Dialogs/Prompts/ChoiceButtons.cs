using CrmBot.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CrmBot.Dialogs;

/// <summary>
/// Puts choices on a message as buttons the channel can show: the one place that decides how. Suggested actions by
/// default; in Teams a hero card of imBack buttons instead wherever Teams would not show them all: in channels and group
/// chats, on a message that carries attachments, and for more than three choices (Teams shows at most three).
/// </summary>
internal static class ChoiceButtons
{
    private const int MaxTeamsSuggestedActions = 3;

    public static TMessage Append<TMessage>(ITurnContext turnContext, TMessage message, IReadOnlyList<Choice> choices)
        where TMessage : IMessageActivity
    {
        if (choices.Count == 0)
        {
            return message;
        }

        var actions = choices.Select(ActionFor).ToList();
        if (NeedsCard(turnContext.Activity, message, choices.Count))
        {
            message.Attachments = [.. message.Attachments ?? [], new HeroCard { Buttons = actions }.ToAttachment()];
        }
        else
        {
            message.SuggestedActions = new SuggestedActions { Actions = actions };
        }

        return message;
    }

    private static bool NeedsCard(Activity incoming, IMessageActivity message, int count) =>
        incoming.ChannelId == BotChannels.Msteams
        && (count > MaxTeamsSuggestedActions || incoming.IsTeamsGroup() || message.Attachments is { Count: > 0 });

    private static CardAction ActionFor(Choice choice) =>
        choice.Action ?? new CardAction(ActionTypes.ImBack, title: choice.Value, value: choice.Value);
}
