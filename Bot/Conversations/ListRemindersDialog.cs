using System.Globalization;
using System.Text;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// "My reminders" (reps only): the rep's open reminders, soonest first and numbered, with a button per reminder
/// to complete it; "done 2" or "complete reminder 2" does the same, there or at any time, and "cancel reminder 2"
/// cancels that one (<see cref="ListRemindersOptions"/>).
/// </summary>
public sealed class ListRemindersDialog : ComponentDialog
{
    public const int MaxShown = 10;

    private const string DonePrompt = "listReminders.done";
    private const string ShownKey = "shown";

    private readonly ReminderService _reminders;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<ListRemindersDialog> _text;
    private readonly string _shopTimeZone;

    public ListRemindersDialog(ReminderService reminders, RepOnly repOnly, IStringLocalizer<ListRemindersDialog> text, IOptions<CrmOptions> options)
        : base(nameof(ListRemindersDialog))
    {
        _reminders = reminders;
        _repOnly = repOnly;
        _text = text;
        _shopTimeZone = options.Value.DefaultTimeZone;
        AddDialog(new WaterfallDialog("listReminders", [ListAsync, CompleteAsync]));
        AddDialog(new ChoicePrompt(DonePrompt));
        InitialDialogId = "listReminders";
    }

    private async Task<DialogTurnResult> ListAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var repId = step.Context.Caller().Id!.Value;
        var open = await _reminders.ListOpenAsync(repId, MaxShown, ct);
        if (open.Count == 0)
        {
            await step.Context.SendActivityAsync(_text["NoneOpen"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var options = step.GetOptions<ListRemindersOptions>();
        if ((options?.Complete ?? options?.Cancel) is { } number)
        {
            if (number < 1 || number > open.Count)
            {
                await step.Context.SendActivityAsync(_text["NoSuchNumber", number], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }

            if (options!.Cancel is not null)
            {
                return await CancelAsync(step, open[number - 1].Id, ct);
            }

            step.Values[ShownKey] = new[] { open[number - 1].Id };
            return await step.NextAsync(new FoundChoice(_text["Done", number], 0), ct);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(await _reminders.TimeZoneOfAsync(repId, ct) ?? _shopTimeZone);
        var list = new StringBuilder(_text["Intro", open.Count].Value).AppendLine();
        for (var i = 0; i < open.Count; i++)
        {
            var due = TimeZoneInfo.ConvertTime(open[i].DueAt, zone).ToString("f", CultureInfo.CurrentCulture);
            list.AppendLine(_text["Line", i + 1, open[i].Text, due]);
        }

        list.Append(_text["TapWhenDone"].Value);
        step.Values[ShownKey] = open.Select(reminder => reminder.Id).ToArray();
        return await step.PromptAsync(DonePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(list.ToString()),
            Choices = [.. open.Select((_, i) => new Choice(_text["Done", i + 1]) { Synonyms = [.. _text["DoneSynonyms", i + 1].Value.Split('|')] })],
            Help = MessageFactory.Text(_text["DoneHelp"]),
            MaxAttempts = 2,
        }, ct);
    }

    private async Task<DialogTurnResult> CompleteAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var id = step.Values.GetValue<Guid[]>(ShownKey)![choice.Index];
        try
        {
            var reminder = await _reminders.CompleteAsync(step.Context.Caller().Id!.Value, id, ct);
            await step.Context.SendActivityAsync(_text["Completed", reminder.Text], cancellationToken: ct);
            return await step.EndDialogAsync(reminder.Id, ct);
        }
        catch (DomainException)
        {
            return await AlreadyClosedAsync(step, ct);
        }
    }

    private async Task<DialogTurnResult> CancelAsync(WaterfallStepContext step, Guid id, CancellationToken ct)
    {
        try
        {
            var reminder = await _reminders.CancelAsync(step.Context.Caller().Id!.Value, id, ct);
            await step.Context.SendActivityAsync(_text["Cancelled", reminder.Text], cancellationToken: ct);
            return await step.EndDialogAsync(reminder.Id, ct);
        }
        catch (DomainException)
        {
            return await AlreadyClosedAsync(step, ct);
        }
    }

    /// <summary>Completed or cancelled meanwhile (another chat, another instance): nothing left to do, and the rep is told.</summary>
    private async Task<DialogTurnResult> AlreadyClosedAsync(WaterfallStepContext step, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(_text["AlreadyClosed"], cancellationToken: ct);
        return await step.EndDialogAsync(null, ct);
    }
}
