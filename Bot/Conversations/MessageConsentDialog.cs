using CrmBot.Dialogs;
using CrmBot.Domain.Customers;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// "Stop sending me messages" and "start messages again": a signed-in customer's consent to proactive messages.
/// Stopping is confirmed first, since a stray "stop" is read as this request; a visitor is told there is nothing
/// to stop, because only signed-in customers who agreed get messages from us.
/// </summary>
public sealed class MessageConsentDialog : ComponentDialog
{
    private const string ConfirmPrompt = "messageConsent.confirm";
    private const string ConsentKey = "consent";

    private readonly CustomerService _customers;
    private readonly IStringLocalizer<MessageConsentDialog> _text;

    public MessageConsentDialog(CustomerService customers, IStringLocalizer<MessageConsentDialog> text)
        : base(nameof(MessageConsentDialog))
    {
        _customers = customers;
        _text = text;
        AddDialog(new WaterfallDialog("messageConsent", [ConfirmAsync, SaveAsync]));
        AddDialog(new ConfirmPrompt(ConfirmPrompt));
        InitialDialogId = "messageConsent";
    }

    /// <summary>Begin with true to start messages again, false to stop them.</summary>
    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var consent = step.GetOptions<bool>();
        step.Values[ConsentKey] = consent;
        if (step.Context.Caller().Role != CallerRole.Customer)
        {
            await step.Context.SendActivityAsync(_text[consent ? "SignInToStart" : "NothingToStop"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        if (consent)
        {
            return await step.NextAsync(true, ct);
        }

        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["ConfirmStop"]),
            Help = MessageFactory.Text(_text["StopHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var consent = step.Values.GetValue<bool>(ConsentKey);
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(_text["Unchanged"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        await _customers.SetConsentAsync(step.Context.Caller().Id!.Value, consent, ct);
        await step.Context.SendActivityAsync(_text[consent ? "Started" : "Stopped"], cancellationToken: ct);
        return await step.EndDialogAsync(consent, ct);
    }
}
