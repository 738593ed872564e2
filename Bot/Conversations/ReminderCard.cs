using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;
using Newtonsoft.Json.Linq;

namespace CrmBot.Conversations;

/// <summary>A delivered reminder: its text, and a card with the Done and Snooze buttons that <see cref="ReminderButtons"/> handles.</summary>
public sealed class ReminderCard(IStringLocalizer<ReminderButtons> text)
{
    /// <summary>The reminder's message: its text, with the two buttons on a card.</summary>
    public IMessageActivity Message(Guid reminderId, string message)
    {
        var card = new HeroCard(text: message, buttons:
        [
            Button(text["Done"], ReminderButtons.Complete, reminderId),
            Button(text["Snooze"], ReminderButtons.Snooze, reminderId),
        ]);
        var activity = MessageFactory.Attachment(card.ToAttachment());
        activity.Text = message;
        return activity;
    }

    private static CardAction Button(string title, string action, Guid reminderId) => new(ActionTypes.MessageBack, title)
    {
        DisplayText = title,
        Text = title,
        Value = new JObject { [ReminderButtons.ActionProperty] = action, [ReminderButtons.ReminderProperty] = reminderId.ToString() },
    };
}
