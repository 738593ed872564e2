using CrmBot.Domain.Common;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;
using Newtonsoft.Json.Linq;

namespace CrmBot.Conversations;

/// <summary>
/// The Done and Snooze buttons on a delivered reminder, and what pressing them does. They post back the reminder's id
/// (messageBack), so they act on that reminder whatever dialog the rep is in, and only for the rep it belongs to.
/// </summary>
public sealed class ReminderButtons(ReminderService reminders, RepOnly repOnly, IStringLocalizer<ReminderButtons> text)
{
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(1);

    private const string ReminderProperty = "reminder";
    private const string ActionProperty = "reminderAction";
    private const string Complete = "complete";
    private const string Snooze = "snooze";

    /// <summary>The reminder's message: its text, with the two buttons on a card.</summary>
    public IMessageActivity Message(Guid reminderId, string message)
    {
        var card = new HeroCard(text: message, buttons:
        [
            Button(text["Done"], Complete, reminderId),
            Button(text["Snooze"], Snooze, reminderId),
        ]);
        var activity = MessageFactory.Attachment(card.ToAttachment());
        activity.Text = message;
        return activity;
    }

    /// <summary>Handles a press of one of the buttons; false when the activity is not one.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Value is not JObject value
            || value.Value<string>(ActionProperty) is not ({ } action and (Complete or Snooze))
            || !Guid.TryParse(value.Value<string>(ReminderProperty), out var reminderId))
        {
            return false;
        }

        if (await repOnly.RefusedAsync(turnContext, ct))
        {
            return true;
        }

        var caller = turnContext.Caller();
        try
        {
            if (action == Complete)
            {
                var done = await reminders.CompleteAsync(caller.Id!.Value, reminderId, ct);
                await turnContext.SendActivityAsync(text["Completed", done.Text], cancellationToken: ct);
            }
            else
            {
                var snoozed = await reminders.SnoozeAsync(caller.Id!.Value, reminderId, SnoozeFor, ct);
                var zone = caller.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
                await turnContext.SendActivityAsync(
                    text["Snoozed", snoozed.Text, TimeZoneInfo.ConvertTime(snoozed.DueAt, zone).ToString("t", System.Globalization.CultureInfo.CurrentCulture)],
                    cancellationToken: ct);
            }
        }
        catch (DomainException)
        {
            // Already done, cancelled or not this rep's: the button no longer applies.
            await turnContext.SendActivityAsync(text["AlreadyClosed"], cancellationToken: ct);
        }

        return true;
    }

    private static CardAction Button(string title, string action, Guid reminderId) => new(ActionTypes.MessageBack, title)
    {
        DisplayText = title,
        Text = title,
        Value = new JObject { [ActionProperty] = action, [ReminderProperty] = reminderId.ToString() },
    };
}
