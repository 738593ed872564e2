using CrmBot.Domain.Common;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Newtonsoft.Json.Linq;

namespace CrmBot.Conversations;

/// <summary>
/// What pressing the Done and Snooze buttons of a delivered reminder (<see cref="ReminderCard"/>) does. They post back
/// the reminder's id (messageBack), so they act on that reminder whatever dialog the rep is in, and only for its rep.
/// </summary>
public sealed class ReminderButtons(ReminderService reminders, RepOnly repOnly, IStringLocalizer<ReminderButtons> text)
{
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(1);

    internal const string ReminderProperty = "reminder";
    internal const string ActionProperty = "reminderAction";
    internal const string Complete = "complete";
    internal const string Snooze = "snooze";

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
                var zone = caller.Zone ?? TimeZoneInfo.Utc;
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
}
