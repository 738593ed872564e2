using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// "Where is my order?" A rep may track any order. A signed-in customer picks one of their own orders. An
/// anonymous visitor gives the order number and the email or phone on the order; a wrong pair and an unknown
/// number get the same answer, so order numbers cannot be probed, and lookups that keep finding nothing are paused
/// (<see cref="OrderLookupLimiter"/>).
/// </summary>
public sealed class TrackOrderDialog : ComponentDialog
{
    private const string NumberPrompt = "trackOrder.number";
    private const string ContactPrompt = "trackOrder.contact";
    private const string OwnOrderPrompt = "trackOrder.ownOrder";
    private const string NumberKey = "number";
    private const string ContactKey = "contact";

    private readonly CustomerOrders _customerOrders;
    private readonly OrderTimelineQuery _timelines;
    private readonly OrderTimelineMessage _timeline;
    private readonly OrderLookupLimiter _limiter;
    private readonly IStringLocalizer<TrackOrderDialog> _text;
    private readonly TimeZoneInfo _shopTimeZone;

    public TrackOrderDialog(
        CustomerOrders customerOrders,
        OrderTimelineQuery timelines,
        OrderTimelineMessage timeline,
        OrderLookupLimiter limiter,
        IStringLocalizer<TrackOrderDialog> text,
        IOptions<CrmOptions> options)
        : base(nameof(TrackOrderDialog))
    {
        _customerOrders = customerOrders;
        _timelines = timelines;
        _timeline = timeline;
        _limiter = limiter;
        _text = text;
        _shopTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        AddDialog(new WaterfallDialog("trackOrder", [AskNumberAsync, AskContactAsync, ShowAsync]));
        AddDialog(new OrderNumberPrompt(NumberPrompt));
        AddDialog(new TextPrompt(ContactPrompt));
        AddDialog(new ChoicePrompt(OwnOrderPrompt));
        InitialDialogId = "trackOrder";
    }

    private async Task<DialogTurnResult> AskNumberAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await PausedAsync(step, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var options = step.GetOptions<TrackOrderOptions>() ?? new TrackOrderOptions();
        step.Values[ContactKey] = options.Contact;
        if (OrderNumber.Normalize(options.OrderNumber) is { } number)
        {
            return await step.NextAsync(number, ct);
        }

        var caller = step.Context.Caller();
        if (caller.Role == CallerRole.Customer)
        {
            var own = await _customerOrders.ListOwnAsync(caller.Id!.Value, 5, ct);
            if (own.Count == 0)
            {
                await step.Context.SendActivityAsync(_text["NoOrdersYet"], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }

            var choices = own.Select(o => new Choice(o.Number) { Synonyms = [o.Number[Order.NumberPrefix.Length..]] }).ToList();
            return await step.PromptAsync(OwnOrderPrompt, new PromptOptions
            {
                Prompt = MessageFactory.Text(_text["WhichOrder"]),
                Choices = choices,
                Help = MessageFactory.Text(_text["WhichOrderHelp"]),
            }, ct);
        }

        return await step.PromptAsync(NumberPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskNumber"]),
            RetryPrompt = MessageFactory.Text(_text["AskNumberAgain"]),
            Help = MessageFactory.Text(_text["NumberHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values[NumberKey] = step.Result switch
        {
            FoundChoice choice => choice.Value,
            string text => OrderNumber.Normalize(text) ?? OrderNumber.Find(text),
            _ => null,
        };
        if (step.Result is TooManyAttempts || step.Values.GetValue<string>(NumberKey) is null)
        {
            return await step.EndDialogAsync(null, ct);
        }

        if (step.Context.Caller().Role != CallerRole.Anonymous || step.Values.GetValue<string>(ContactKey) is not null)
        {
            return await step.NextAsync(step.Values.GetValue<string>(ContactKey), ct);
        }

        return await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskContact"]),
            Help = MessageFactory.Text(_text["ContactHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is TooManyAttempts || await PausedAsync(step, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var number = step.Values.GetValue<string>(NumberKey)!;
        var caller = step.Context.Caller();
        var timeline = caller.Role switch
        {
            CallerRole.Rep => await _timelines.FindAsync(number, ct),
            CallerRole.Customer => await _customerOrders.TrackOwnAsync(caller.Id!.Value, number, ct),
            _ => await _customerOrders.TrackAsync(number, step.Result as string ?? string.Empty, ct),
        };

        if (timeline is null && caller.Role != CallerRole.Rep)
        {
            _limiter.Missed(step.Context);
        }

        var reply = timeline is null
            ? caller.Role == CallerRole.Anonymous ? _text["NotFoundWithContact", number] : _text["NotFound", number]
            : _timeline.Format(timeline, _shopTimeZone);
        await step.Context.SendActivityAsync(reply, cancellationToken: ct);
        return await step.EndDialogAsync(timeline?.Number, ct);
    }

    /// <summary>Tells a caller whose lookups keep finding nothing to come back later; reps are never paused.</summary>
    private async Task<bool> PausedAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Context.Caller().Role == CallerRole.Rep || _limiter.MayLookUp(step.Context))
        {
            return false;
        }

        await step.Context.SendActivityAsync(_text["LookupsPaused"], cancellationToken: ct);
        return true;
    }
}
