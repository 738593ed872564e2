using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// A signed-in customer changes their email or phone: sees what we have, picks which to change, types the new value
/// (checked by the domain's rules, whose message is shown when it is refused), confirms, and it is saved with every
/// other detail unchanged. A visitor is asked to sign in first.
/// </summary>
public sealed class UpdateContactDialog : ComponentDialog
{
    private const string FieldPrompt = "updateContact.field";
    private const string ValuePrompt = "updateContact.value";
    private const string ConfirmPrompt = "updateContact.confirm";
    private const string FieldKey = "field";
    private const string ValueKey = "value";
    private const string Email = "email";
    private const string Phone = "phone";

    private readonly CustomerService _customers;
    private readonly IStringLocalizer<UpdateContactDialog> _text;
    private readonly TimeProvider _clock;
    private readonly string _region;

    public UpdateContactDialog(CustomerService customers, IStringLocalizer<UpdateContactDialog> text, TimeProvider clock, IOptions<CrmOptions> options)
        : base(nameof(UpdateContactDialog))
    {
        _customers = customers;
        _text = text;
        _clock = clock;
        _region = options.Value.DefaultRegion;
        AddDialog(new WaterfallDialog("updateContact", [ShowAsync, AskValueAsync, ConfirmAsync, SaveAsync]));
        AddDialog(new ChoicePrompt(FieldPrompt));
        AddDialog(new TextPrompt(ValuePrompt, ValidateAsync));
        AddDialog(new ConfirmPrompt(ConfirmPrompt));
        InitialDialogId = "updateContact";
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var caller = step.Context.Caller();
        if (caller.Role != CallerRole.Customer)
        {
            await step.Context.SendActivityAsync(_text["SignInFirst"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var customer = await _customers.GetAsync(caller.Id!.Value, ct);
        return await step.PromptAsync(FieldPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["Current", customer.Email ?? _text["None"], customer.Phone ?? _text["None"]]),
            Choices =
            [
                new Choice(_text["Email"]) { Synonyms = ["email", "e-mail", "邮箱"] },
                new Choice(_text["Phone"]) { Synonyms = ["phone", "mobile", "电话", "手机"] },
            ],
        }, ct);
    }

    private async Task<DialogTurnResult> AskValueAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var field = choice.Index == 0 ? Email : Phone;
        step.Values[FieldKey] = field;
        return await step.PromptAsync(ValuePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text[field == Email ? "AskEmail" : "AskPhone"]),
            Validations = field,
        }, ct);
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string value)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var field = step.Values.GetValue<string>(FieldKey)!;
        var customer = await _customers.GetAsync(step.Context.Caller().Id!.Value, ct);
        var changed = Changed(customer, field, value);
        var normalized = new Customer(changed, _region, _clock.GetUtcNow());
        step.Values[ValueKey] = value.Trim();
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(field == Email
                ? _text["ConfirmEmail", customer.Email ?? _text["None"], normalized.Email!]
                : _text["ConfirmPhone", customer.Phone ?? _text["None"], normalized.Phone!]),
        }, ct);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(_text["Unchanged"], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }

        var field = step.Values.GetValue<string>(FieldKey)!;
        var id = step.Context.Caller().Id!.Value;
        try
        {
            var customer = await _customers.GetAsync(id, ct);
            customer = await _customers.UpdateAsync(id, Changed(customer, field, step.Values.GetValue<string>(ValueKey)!), ct);
            await step.Context.SendActivityAsync(field == Email ? _text["SavedEmail", customer.Email!] : _text["SavedPhone", customer.Phone!], cancellationToken: ct);
            return await step.EndDialogAsync(customer.Id, ct);
        }
        catch (DomainException error)
        {
            await step.Context.SendActivityAsync(_text["Refused", error.Message], cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }
    }

    /// <summary>The new value, checked by the rules a customer's details must follow; the refusal says why.</summary>
    private async Task<bool> ValidateAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        if (prompt.Recognized is not { Succeeded: true, Value: { } value })
        {
            return false;
        }

        var customer = await _customers.GetAsync(prompt.Context.Caller().Id!.Value, ct);
        try
        {
            _ = new Customer(Changed(customer, prompt.Options.Validations?.ToString() ?? Email, value), _region, _clock.GetUtcNow());
            return true;
        }
        catch (DomainException error)
        {
            await prompt.Context.SendActivityAsync(_text["Invalid", error.Message], cancellationToken: ct);
            return false;
        }
    }

    /// <summary>The customer's details as they are, with the one field replaced.</summary>
    private static CustomerProfile Changed(Customer customer, string field, string value) => new(
        customer.Name,
        field == Email ? value.Trim() : customer.Email,
        field == Phone ? value.Trim() : customer.Phone,
        customer.Address,
        customer.TimeZone,
        customer.PreferredLanguage,
        customer.ConsentToProactiveMessages);
}
