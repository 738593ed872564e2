using System.Globalization;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// "Talk to a human": a signed-in customer's request is logged as a chat interaction for the reps, and the customer
/// is told how and when a person will get back to them. A visitor is asked to sign in or leave an email or phone
/// number; a valid one is saved as a "Web visitor" customer so that the reps can see the request and reply.
/// </summary>
public sealed class AskForHumanDialog : ComponentDialog
{
    private const string ContactPrompt = "askForHuman.contact";
    private const string NotesKey = "notes";

    private readonly CustomerService _customers;
    private readonly InteractionService _interactions;
    private readonly IStringLocalizer<AskForHumanDialog> _text;
    private readonly TimeProvider _clock;
    private readonly string _region;

    public AskForHumanDialog(
        CustomerService customers, InteractionService interactions, IStringLocalizer<AskForHumanDialog> text, TimeProvider clock, IOptions<CrmOptions> options)
        : base(nameof(AskForHumanDialog))
    {
        _customers = customers;
        _interactions = interactions;
        _text = text;
        _clock = clock;
        _region = options.Value.DefaultRegion;
        AddDialog(new WaterfallDialog("askForHuman", [StartAsync, PassOnAsync]));
        AddDialog(new TextPrompt(ContactPrompt, ValidateContactAsync));
        InitialDialogId = "askForHuman";
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var notes = step.GetOptions<string>();
        step.Values[NotesKey] = notes;
        var caller = step.Context.Caller();
        switch (caller.Role)
        {
            case CallerRole.Customer:
                var customer = await _customers.GetAsync(caller.Id!.Value, ct);
                await _interactions.LogFromCustomerAsync(customer.Id, InteractionKind.Chat, _text["Outcome"], notes, ct);
                await step.Context.SendActivityAsync(_text["PassedOn", customer.Email ?? customer.Phone ?? string.Empty], cancellationToken: ct);
                return await step.EndDialogAsync(customer.Id, ct);
            case CallerRole.Anonymous:
                return await step.PromptAsync(ContactPrompt, new PromptOptions
                {
                    Prompt = MessageFactory.Text(_text["AskContact"]),
                    Help = MessageFactory.Text(_text["ContactHelp"]),
                }, ct);
            default:
                await step.Context.SendActivityAsync(_text["ForReps"], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
        }
    }

    private async Task<DialogTurnResult> PassOnAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string answer)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = await _customers.CreateAsync(Profile(answer), ct);
        await _interactions.LogFromCustomerAsync(customer.Id, InteractionKind.Chat, _text["Outcome"], step.Values.GetValue<string>(NotesKey), ct);
        await step.Context.SendActivityAsync(_text["PassedOnVisitor", customer.Email ?? customer.Phone ?? string.Empty], cancellationToken: ct);
        return await step.EndDialogAsync(customer.Id, ct);
    }

    /// <summary>The visitor's answer as an email or a phone number, checked by the domain's rules for a customer.</summary>
    private async Task<bool> ValidateContactAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        if (prompt.Recognized is not { Succeeded: true, Value: { } value })
        {
            return false;
        }

        try
        {
            _ = new Customer(Profile(value), _region, _clock.GetUtcNow());
            return true;
        }
        catch (DomainException error)
        {
            await prompt.Context.SendActivityAsync(_text["InvalidContact", error.Message], cancellationToken: ct);
            return false;
        }
    }

    /// <summary>A customer created in a chat is spoken to in that chat's language from then on.</summary>
    private CustomerProfile Profile(string answer) =>
        CustomerProfile.WithContact(_text["VisitorName"], answer, CultureInfo.CurrentUICulture.Name);
}
