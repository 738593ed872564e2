using CrmBot.Dialogs;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;

namespace CrmBot.Conversations;

/// <summary>"Log a call with Alice" (reps only): which customer, what kind of contact, how it went and notes; stored with the rep's id.</summary>
public sealed class LogInteractionDialog : ComponentDialog
{
    private const string KindPrompt = "logInteraction.kind";
    private const string OutcomePrompt = "logInteraction.outcome";
    private const string NotesPrompt = "logInteraction.notes";
    private const string CustomerKey = "customer";
    private const string KindKey = "kind";
    private const string OutcomeKey = "outcome";

    private static readonly InteractionKind[] Kinds = Enum.GetValues<InteractionKind>();

    private readonly InteractionService _interactions;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<LogInteractionDialog> _text;

    public LogInteractionDialog(FindCustomerDialog findCustomer, InteractionService interactions, RepOnly repOnly, IStringLocalizer<LogInteractionDialog> text)
        : base(nameof(LogInteractionDialog))
    {
        _interactions = interactions;
        _repOnly = repOnly;
        _text = text;
        AddDialog(findCustomer);
        AddDialog(new WaterfallDialog("logInteraction", [FindCustomerAsync, AskKindAsync, AskOutcomeAsync, AskNotesAsync, SaveAsync]));
        AddDialog(new ChoicePrompt(KindPrompt));
        AddDialog(new TextPrompt(OutcomePrompt));
        AddDialog(new TextPrompt(NotesPrompt));
        InitialDialogId = "logInteraction";
    }

    private async Task<DialogTurnResult> FindCustomerAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.GetOptions<LogInteractionOptions>()?.Customer;
        return await step.BeginDialogAsync(nameof(FindCustomerDialog), new FindCustomerOptions(customer, PickOnly: true), ct);
    }

    private async Task<DialogTurnResult> AskKindAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not CustomerSummary customer)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[CustomerKey] = customer;
        return await step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskKind", customer.Name]),
            Choices = [.. Kinds.Select(kind => new Choice(_text[$"Kind.{kind}"]) { Synonyms = [kind.ToString()] })],
        }, ct);
    }

    private async Task<DialogTurnResult> AskOutcomeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not FoundChoice kind)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[KindKey] = Kinds[kind.Index].ToString();
        return await step.PromptAsync(OutcomePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskOutcome"]),
            Help = MessageFactory.Text(_text["OutcomeHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> AskNotesAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string outcome)
        {
            return await step.EndDialogAsync(null, ct);
        }

        step.Values[OutcomeKey] = outcome.Trim();
        return await step.PromptAsync(NotesPrompt, new PromptOptions { Prompt = MessageFactory.Text(_text["AskNotes"]) }, ct);
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string notes)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.Values.GetValue<CustomerSummary>(CustomerKey)!;
        var kind = Enum.Parse<InteractionKind>(step.Values.GetValue<string>(KindKey)!);
        var outcome = step.Values.GetValue<string>(OutcomeKey);
        var none = _text["NoNotes"].Value.Split('|').Contains(notes.Trim(), StringComparer.OrdinalIgnoreCase);
        var interaction = await _interactions.LogAsync(customer.Id, step.Context.Caller().Id!.Value, kind, outcome, none ? null : notes.Trim(), ct);
        await step.Context.SendActivityAsync(_text["Logged", _text[$"Kind.{kind}"], customer.Name, outcome ?? string.Empty], cancellationToken: ct);
        return await step.EndDialogAsync(interaction.Id, ct);
    }
}
