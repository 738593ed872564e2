using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// A rep processes an order: records a payment, ships it, marks it delivered, cancels or refunds it. The order's
/// current state is shown, whatever is missing is asked for, and nothing changes before the rep confirms; the
/// change is audited with the rep's id. Customers and visitors are turned away before anything is looked up.
/// </summary>
public sealed class ProcessOrderDialog : ComponentDialog
{
    /// <summary>How a customer may have paid; the value is what the payment records.</summary>
    public static readonly IReadOnlyList<Choice> PaymentMethods =
    [
        new("alipay") { Synonyms = ["支付宝", "ali pay"] },
        new("wechat") { Synonyms = ["微信", "微信支付", "wechat pay", "weixin"] },
        new("card") { Synonyms = ["银行卡", "信用卡", "credit card", "debit card"] },
        new("bank transfer") { Synonyms = ["银行转账", "转账", "transfer", "wire"] },
    ];

    private const string NumberPrompt = "processOrder.number";
    private const string MethodPrompt = "processOrder.method";
    private const string TextPrompt = "processOrder.text";
    private const string AmountPrompt = "processOrder.amount";
    private const string ConfirmPrompt = "processOrder.confirm";
    private const string NumberKey = "number";
    private const string VersionKey = "version";
    private const string CurrencyKey = "currency";
    private const string TotalKey = "total";
    private const string RefundableKey = "refundable";
    // The answers to the action's questions: method, carrier, cancel reason or refund amount; then tracking number or refund reason.
    private const string FirstKey = "first";
    private const string SecondKey = "second";

    private readonly OrderService _orders;
    private readonly RepOnly _repOnly;
    private readonly OrderTimelineMessage _timeline;
    private readonly IStringLocalizer<ProcessOrderDialog> _text;
    private readonly TimeZoneInfo _shopTimeZone;

    public ProcessOrderDialog(
        OrderService orders, RepOnly repOnly, OrderTimelineMessage timeline, IStringLocalizer<ProcessOrderDialog> text, IOptions<CrmOptions> options)
        : base(nameof(ProcessOrderDialog))
    {
        _orders = orders;
        _repOnly = repOnly;
        _timeline = timeline;
        _text = text;
        _shopTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        AddDialog(new WaterfallDialog("processOrder", [AskNumberAsync, ShowOrderAsync, AskFirstAsync, AskSecondAsync, ConfirmAsync, ApplyAsync]));
        AddDialog(new OrderNumberPrompt(NumberPrompt));
        AddDialog(new ChoicePrompt(MethodPrompt));
        AddDialog(new TextPrompt(TextPrompt, ValidateTextAsync));
        AddDialog(new NumberPrompt<decimal>(AmountPrompt, ValidateAmountAsync));
        AddDialog(new ConfirmPrompt(ConfirmPrompt));
        InitialDialogId = "processOrder";
    }

    private async Task<DialogTurnResult> AskNumberAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        if (OrderNumber.Normalize(Options(step).OrderNumber) is { } number)
        {
            return await step.NextAsync(number, ct);
        }

        return await step.PromptAsync(NumberPrompt, Ask("AskNumber", "NumberHelp", retry: "AskNumberAgain"), ct);
    }

    private async Task<DialogTurnResult> ShowOrderAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string answer)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var number = OrderNumber.Normalize(answer) ?? OrderNumber.Find(answer)!;
        var order = await _orders.FindAsync(number, ct);
        if (order is null)
        {
            await step.Context.SendActivityAsync(_text["NotFound", number], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[NumberKey] = order.Number;
        step.Values[VersionKey] = order.Version;
        step.Values[CurrencyKey] = order.Total.Currency;
        step.Values[TotalKey] = order.Total.Amount;
        step.Values[RefundableKey] = (order.AmountPaid - order.AmountRefunded).Amount;
        await step.Context.SendActivityAsync(_timeline.Format(OrderTimeline.Of(order), _shopTimeZone), cancellationToken: ct);

        // Say at once when the order's status rules the action out, rather than after the rep answered every question.
        if (OrderLifecycle.WhyNot(order.Status, Options(step).Action, order.Number) is { } why)
        {
            await step.Context.SendActivityAsync(_text["Refused", why], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> AskFirstAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var options = Options(step);
        return options.Action switch
        {
            OrderAction.Pay => await step.PromptAsync(MethodPrompt, Ask("AskMethod", "MethodHelp", choices: PaymentMethods), ct),
            OrderAction.Ship when options.Carrier is null => await step.PromptAsync(TextPrompt, Ask("AskCarrier", "CarrierHelp"), ct),
            OrderAction.Ship => await step.NextAsync(options.Carrier, ct),
            OrderAction.Cancel => await step.PromptAsync(TextPrompt, Ask("AskCancelReason", "ReasonHelp"), ct),
            OrderAction.Refund when options.Amount is null => await step.PromptAsync(AmountPrompt, Ask(
                "AskRefundAmount", "RefundAmountHelp", "AskRefundAmountAgain", null, Refundable(step)), ct),
            OrderAction.Refund => await step.NextAsync(options.Amount.Value, ct),
            _ => await step.NextAsync(null, ct),
        };
    }

    private async Task<DialogTurnResult> AskSecondAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is TooManyAttempts)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[FirstKey] = step.Result is FoundChoice choice ? choice.Value : step.Result;
        var options = Options(step);
        return options.Action switch
        {
            OrderAction.Ship when options.TrackingNumber is null => await step.PromptAsync(TextPrompt, Ask("AskTracking", "TrackingHelp"), ct),
            OrderAction.Ship => await step.NextAsync(options.TrackingNumber, ct),
            OrderAction.Refund => await step.PromptAsync(TextPrompt, Ask("AskRefundReason", "ReasonHelp"), ct),
            _ => await step.NextAsync(null, ct),
        };
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is TooManyAttempts)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[SecondKey] = step.Result;
        var number = step.Values.GetValue<string>(NumberKey)!;
        string question;
        try
        {
            question = Options(step).Action switch
            {
                OrderAction.Pay => _text["ConfirmPay", number, PaymentAmount(step), Answer(step, FirstKey)],
                OrderAction.Ship => _text["ConfirmShip", number, Answer(step, FirstKey), TrackingNumber(step)],
                OrderAction.Deliver => _text["ConfirmDeliver", number],
                OrderAction.Cancel => _text["ConfirmCancel", number, Answer(step, FirstKey)],
                _ => _text["ConfirmRefund", number, RefundAmount(step), Answer(step, SecondKey)],
            };
        }
        catch (DomainException invalid)
        {
            // An amount that is no money at all (too many decimals, too large) cannot even be put to the rep.
            await step.Context.SendActivityAsync(_text["Refused", invalid.Message], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(question),
            Help = MessageFactory.Text(_text["ConfirmHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> ApplyAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var number = step.Values.GetValue<string>(NumberKey)!;
        if (step.Result is not true)
        {
            if (step.Result is false)
            {
                await step.Context.SendActivityAsync(_text["NothingChanged", number], cancellationToken: ct);
            }

            return await step.EndDialogAsync(null, ct);
        }

        var actor = step.Context.Caller().ToActor();
        var version = step.Values.GetValue<int>(VersionKey);
        try
        {
            var order = Options(step).Action switch
            {
                OrderAction.Pay => await _orders.PayAsync(number, PaymentAmount(step), Answer(step, FirstKey), null, actor, version, ct),
                OrderAction.Ship => await _orders.ShipAsync(number, Answer(step, FirstKey), TrackingNumber(step), actor, version, ct),
                OrderAction.Deliver => await _orders.DeliverAsync(number, actor, version, ct),
                OrderAction.Cancel => await _orders.CancelAsync(number, Answer(step, FirstKey), actor, version, ct),
                _ => await _orders.RefundAsync(number, RefundAmount(step), Answer(step, SecondKey), actor, version, ct),
            };
            await step.Context.SendActivityAsync(_text["Done", order.Number, _timeline.StatusName(order.Status)], cancellationToken: ct);
            return await step.EndDialogAsync(order.Number, ct);
        }
        catch (ConcurrencyConflictException)
        {
            await step.Context.SendActivityAsync(_text["Conflict", number], cancellationToken: ct);
        }
        catch (DomainException refused)
        {
            await step.Context.SendActivityAsync(_text["Refused", refused.Message], cancellationToken: ct);
        }

        return await step.EndDialogAsync(null, ct);
    }

    private static ProcessOrderOptions Options(WaterfallStepContext step) =>
        step.GetOptions<ProcessOrderOptions>() ?? throw new DialogStateOutdatedException("The order processing dialog lost what it was asked to do.");

    private static Money Currency(WaterfallStepContext step, decimal amount) =>
        new(amount, Options(step).Currency ?? step.Values.GetValue<string>(CurrencyKey)!);

    /// <summary>What the rep said was paid, else the order's total.</summary>
    private static Money PaymentAmount(WaterfallStepContext step) =>
        Currency(step, Options(step).Amount ?? step.Values.GetValue<decimal>(TotalKey));

    /// <summary>The amount given or answered; 0 is the answer "all" (the amount prompt accepts no other 0).</summary>
    private static Money RefundAmount(WaterfallStepContext step) => step.Values.GetValue<decimal>(FirstKey) switch
    {
        0m => Refundable(step),
        var amount => Currency(step, amount),
    };

    private static Money Refundable(WaterfallStepContext step) =>
        new(step.Values.GetValue<decimal>(RefundableKey), step.Values.GetValue<string>(CurrencyKey)!);

    /// <summary>What the rep answered (or said up front) to the action's first or second question, as text.</summary>
    private static string Answer(WaterfallStepContext step, string key) => step.Values.GetValue<string>(key)!.Trim();

    /// <summary>The tracking number as carriers print it: "sf 1234 5678" is SF12345678.</summary>
    private static string TrackingNumber(WaterfallStepContext step) =>
        string.Concat(Answer(step, SecondKey).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private PromptOptions Ask(string question, string help, string? retry = null, IReadOnlyList<Choice>? choices = null, params object[] arguments) => new()
    {
        Choices = choices,
        Prompt = MessageFactory.Text(_text[question, arguments]),
        RetryPrompt = retry is null ? null : MessageFactory.Text(_text[retry, arguments]),
        Help = MessageFactory.Text(_text[help, arguments]),
    };

    private static Task<bool> ValidateTextAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
        Task.FromResult(prompt.Recognized.Succeeded && !string.IsNullOrWhiteSpace(prompt.Recognized.Value));

    private Task<bool> ValidateAmountAsync(PromptValidatorContext<decimal> prompt, CancellationToken ct)
    {
        var all = _text["AllWords"].Value.Split('|').Contains(Utterance.Normalize(prompt.Context.Activity.Text));
        return Task.FromResult(prompt.Recognized.Succeeded ? prompt.Recognized.Value > 0 : all);
    }
}
