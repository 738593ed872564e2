using System.Text;
using CrmBot.Dialogs;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Privacy;
using CrmBot.Identity;
using CrmBot.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>
/// "Export data for alice@example.com" and "erase customer Alice Zhang" (reps only): picks the customer with
/// <see cref="FindCustomerDialog"/>, then hands over everything stored about them as a JSON file, or, once the rep has
/// said yes to who will be erased, erases their personal data and says what went.
/// </summary>
public sealed class CustomerDataDialog : ComponentDialog
{
    private const string ConfirmErase = "customerData.confirmErase";
    private const string CustomerKey = "customer";

    private readonly CustomerDataExport _export;
    private readonly CustomerErasure _erasure;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<CustomerDataDialog> _text;
    private readonly ILogger<CustomerDataDialog> _logger;

    public CustomerDataDialog(
        FindCustomerDialog findCustomer,
        CustomerDataExport export,
        CustomerErasure erasure,
        RepOnly repOnly,
        IStringLocalizer<CustomerDataDialog> text,
        ILogger<CustomerDataDialog> logger)
        : base(nameof(CustomerDataDialog))
    {
        _logger = logger;
        _export = export;
        _erasure = erasure;
        _repOnly = repOnly;
        _text = text;
        AddDialog(findCustomer);
        AddDialog(new WaterfallDialog("customerData", [FindCustomerAsync, ExportOrConfirmAsync, EraseAsync]));
        AddDialog(new ConfirmPrompt(ConfirmErase));
        InitialDialogId = "customerData";
    }

    private async Task<DialogTurnResult> FindCustomerAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.GetOptions<CustomerDataOptions>()?.Customer;
        return await step.BeginDialogAsync(nameof(FindCustomerDialog), new FindCustomerOptions(customer, PickOnly: true), ct);
    }

    private async Task<DialogTurnResult> ExportOrConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not CustomerSummary customer)
        {
            return await step.EndDialogAsync(null, ct);
        }

        if (step.GetOptions<CustomerDataOptions>()?.Action != PrivacyAction.Erase)
        {
            var actor = step.Context.Caller().ToActor();
            var document = await _export.ExportAsync(customer.Id, actor, ct);
            PrivacyLog.Exported(_logger, actor, customer.Id);
            var json = CustomerDataExport.ToJson(document);
            var reply = MessageFactory.Attachment(new Attachment
            {
                ContentType = "application/json",
                Name = $"customer-{customer.Id}.json",
                ContentUrl = $"data:application/json;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}",
            });
            reply.Text = _text["Exported", customer.Name, document.Orders.Count, document.WebChatConversations.Count];
            await step.Context.SendActivityAsync(reply, ct);
            return await step.EndDialogAsync(customer.Id, ct);
        }

        step.Values[CustomerKey] = customer;
        var contact = customer.Email ?? customer.Phone;
        return await step.PromptAsync(ConfirmErase, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["ConfirmErase", contact is null ? customer.Name : $"{customer.Name} ({contact})"]),
        }, ct);
    }

    private async Task<DialogTurnResult> EraseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(_text["NotErased"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.Values.GetValue<CustomerSummary>(CustomerKey)!;
        var actor = step.Context.Caller().ToActor();
        var result = await _erasure.EraseAsync(customer.Id, actor, ct);
        PrivacyLog.Erased(_logger, actor, customer.Id, result.AlreadyErased);
        var answer = result.AlreadyErased
            ? _text["AlreadyErased"]
            : _text["Erased", result.OrdersAnonymised, result.InteractionsBlanked, result.RemindersDeleted, result.WebChatConversationsDeleted,
                result.WebChatActivitiesDeleted, result.ConversationReferencesDeleted + result.BotStatesDeleted];
        await step.Context.SendActivityAsync(answer, cancellationToken: ct);
        return await step.EndDialogAsync(customer.Id, ct);
    }
}
