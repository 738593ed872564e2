using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// "Remind me to call Alice tomorrow at 10" (reps only): what and when, in the rep's time zone (the shop's when
/// CrmBot does not know the rep's), asking for whatever was not said.
/// </summary>
public sealed class SetReminderDialog : ComponentDialog
{
    private const string TextPrompt = "setReminder.text";
    private const string WhenPrompt = "setReminder.when";
    private const string TextKey = "text";
    private const string ZoneKey = "zone";

    private readonly ReminderService _reminders;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<SetReminderDialog> _text;
    private readonly TimeProvider _clock;
    private readonly string _shopTimeZone;

    public SetReminderDialog(
        ReminderService reminders, RepOnly repOnly, IStringLocalizer<SetReminderDialog> text, TimeProvider clock, IOptions<CrmOptions> options)
        : base(nameof(SetReminderDialog))
    {
        _reminders = reminders;
        _repOnly = repOnly;
        _text = text;
        _clock = clock;
        _shopTimeZone = options.Value.DefaultTimeZone;
        AddDialog(new WaterfallDialog("setReminder", [AskTextAsync, AskWhenAsync, SaveAsync]));
        AddDialog(new Dialogs.TextPrompt(TextPrompt));
        AddDialog(new DateTimePrompt(WhenPrompt, ValidateWhenAsync, clock));
        InitialDialogId = "setReminder";
    }

    private async Task<DialogTurnResult> AskTextAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[ZoneKey] = await _reminders.TimeZoneOfAsync(step.Context.Caller().Id!.Value, ct) ?? _shopTimeZone;
        if (step.GetOptions<SetReminderOptions>()?.Text is { } text)
        {
            return await step.NextAsync(text, ct);
        }

        return await step.PromptAsync(TextPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskText"]),
            Help = MessageFactory.Text(_text["TextHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskWhenAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string text)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[TextKey] = text.Trim();
        var zone = Zone(step);
        if (step.GetOptions<SetReminderOptions>()?.DueAt is { } said)
        {
            // The clock time the rep said, in the rep's zone, whichever zone the recogniser read it in.
            var local = said.DateTime;
            var dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (dueAt > _clock.GetUtcNow())
            {
                return await step.NextAsync(new ResolvedDateTime(dueAt, true, string.Empty), ct);
            }
        }

        return await step.PromptAsync(WhenPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskWhen", text]),
            RetryPrompt = MessageFactory.Text(_text["AskWhenAgain"]),
            Help = MessageFactory.Text(_text["WhenHelp"]),
            TimeZone = zone.Id,
        }, ct);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not ResolvedDateTime when)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var text = step.Values.GetValue<string>(TextKey)!;
        var reminder = await _reminders.SetAsync(step.Context.Caller().Id!.Value, text, when.Value, ct: ct);
        var local = TimeZoneInfo.ConvertTime(reminder.DueAt, Zone(step));
        await step.Context.SendActivityAsync(_text["Set", text, local.ToString("f", CultureInfo.CurrentCulture)], cancellationToken: ct);
        return await step.EndDialogAsync(reminder.Id, ct);
    }

    private static TimeZoneInfo Zone(WaterfallStepContext step) =>
        TimeZoneInfo.FindSystemTimeZoneById(step.Values.GetValue<string>(ZoneKey)!);

    /// <summary>A reminder needs a time of day, and one still to come.</summary>
    private Task<bool> ValidateWhenAsync(PromptValidatorContext<ResolvedDateTime> prompt, CancellationToken ct) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value!.HasTime && prompt.Recognized.Value.Value > _clock.GetUtcNow());
}
