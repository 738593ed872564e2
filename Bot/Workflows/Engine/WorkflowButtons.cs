using System.Globalization;
using CrmBot.Conversations;
using CrmBot.Domain.Common;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Newtonsoft.Json.Linq;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// What the Call now and Snooze buttons of a workflow notice (<see cref="WorkflowNoticeCard"/>) do, for the rep who
/// presses them, whatever dialog they are in: log a call with the customer (and give the number), or remind them of
/// the notice in an hour.
/// </summary>
public sealed class WorkflowButtons(
    CrmDbContext db, InteractionService interactions, ReminderService reminders, RepOnly repOnly, TimeProvider clock, IStringLocalizer<WorkflowMessages> text)
{
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromHours(1);

    /// <summary>Handles a press of one of the buttons; false when the activity is not one.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Value is not JObject value
            || value.Value<string>(WorkflowNoticeCard.ActionProperty) is not ({ } action and (WorkflowNoticeCard.CallNow or WorkflowNoticeCard.Snooze))
            || !Guid.TryParse(value.Value<string>(WorkflowNoticeCard.CustomerProperty), out var customerId))
        {
            return false;
        }

        if (await repOnly.RefusedAsync(turnContext, ct))
        {
            return true;
        }

        var rep = turnContext.Caller().Id!.Value;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.ErasedAt == null)
            .Select(c => new { c.Name, c.Phone }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            await turnContext.SendActivityAsync(text["CustomerGone"], cancellationToken: ct);
            return true;
        }

        if (action == WorkflowNoticeCard.CallNow)
        {
            await interactions.LogAsync(customerId, rep, InteractionKind.Call, null, null, ct);
            await turnContext.SendActivityAsync(text["CallLogged", customer.Name, customer.Phone ?? text["NoPhone"].Value], cancellationToken: ct);
            return true;
        }

        var notice = value.Value<string>(WorkflowNoticeCard.TextProperty) is { Length: > 0 } t ? t : customer.Name;
        try
        {
            var reminder = await reminders.SetForCustomerAsync(customerId, rep, notice.Length > 1000 ? notice[..1000] : notice, clock.GetUtcNow() + SnoozeFor, ct);
            var zone = turnContext.Caller().Zone ?? TimeZoneInfo.Utc;
            await turnContext.SendActivityAsync(
                text["Snoozed", TimeZoneInfo.ConvertTime(reminder.DueAt, zone).ToString("t", CultureInfo.CurrentCulture)], cancellationToken: ct);
        }
        catch (DomainException)
        {
            await turnContext.SendActivityAsync(text["CustomerGone"], cancellationToken: ct);
        }

        return true;
    }
}
