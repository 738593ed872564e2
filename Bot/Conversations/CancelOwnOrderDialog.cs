using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// A signed-in customer cancels one of their own orders that has not shipped, after confirming. Someone else's
/// order is "not found"; a visitor is asked to sign in first, since only a signed-in customer's orders are theirs.
/// </summary>
public sealed class CancelOwnOrderDialog : ComponentDialog
{
    private const string OrderPrompt = "cancelOwn.order";
    private const string ConfirmPrompt = "cancelOwn.confirm";
    private const string NumberKey = "number";

    private readonly CustomerOrders _orders;
    private readonly IStringLocalizer<CancelOwnOrderDialog> _text;

    public CancelOwnOrderDialog(CustomerOrders orders, IStringLocalizer<CancelOwnOrderDialog> text)
        : base(nameof(CancelOwnOrderDialog))
    {
        _orders = orders;
        _text = text;
        AddDialog(new WaterfallDialog("cancelOwn", [PickAsync, ConfirmAsync, CancelAsync]));
        AddDialog(new ChoicePrompt(OrderPrompt));
        AddDialog(new ConfirmPrompt(ConfirmPrompt));
        InitialDialogId = "cancelOwn";
    }

    private async Task<DialogTurnResult> PickAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var caller = step.Context.Caller();
        if (caller.Role != CallerRole.Customer)
        {
            await step.Context.SendActivityAsync(_text["SignInFirst"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        if (OrderNumber.Normalize(step.GetOptions<string>()) is { } number)
        {
            return await step.NextAsync(number, ct);
        }

        var cancellable = (await _orders.ListOwnAsync(caller.Id!.Value, 10, ct))
            .Where(o => OrderLifecycle.IsPermitted(o.Status, OrderAction.Cancel))
            .ToList();
        if (cancellable.Count == 0)
        {
            await step.Context.SendActivityAsync(_text["NothingToCancel"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        return await step.PromptAsync(OrderPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["WhichOrder"]),
            Choices = [.. cancellable.Select(o => new Choice(o.Number) { Synonyms = [o.Number[Order.NumberPrefix.Length..]] })],
        }, ct);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var number = step.Result switch
        {
            FoundChoice choice => choice.Value,
            string text => text,
            _ => null,
        };
        if (number is null)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var timeline = await _orders.TrackOwnAsync(step.Context.Caller().Id!.Value, number, ct);
        if (timeline is null)
        {
            await step.Context.SendActivityAsync(_text["NotFound", number], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        if (!timeline.PermittedActions.Contains(OrderAction.Cancel))
        {
            await step.Context.SendActivityAsync(_text["TooLate", timeline.Number], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[NumberKey] = timeline.Number;
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text[timeline.AmountPaid.IsZero ? "Confirm" : "ConfirmWithRefund", timeline.Number, timeline.AmountPaid]),
        }, ct);
    }

    private async Task<DialogTurnResult> CancelAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var number = step.Values.GetValue<string>(NumberKey)!;
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(_text["KeptOrder", number], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var caller = step.Context.Caller();
        try
        {
            await _orders.CancelOwnAsync(caller.Id!.Value, number, _text["Reason"], caller.ToActor(), ct);
            await step.Context.SendActivityAsync(_text["Cancelled", number], cancellationToken: ct);
            return await step.EndDialogAsync(number, ct);
        }
        catch (DomainException error)
        {
            await step.Context.SendActivityAsync(_text["Refused", error.Message], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }
    }
}
