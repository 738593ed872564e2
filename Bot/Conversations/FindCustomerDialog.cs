using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Insights;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Conversations;

/// <summary>
/// "Find customer alice@example.com" (reps only): searches by what the rep gave (or asks for it), lets the rep pick
/// when several match, then shows the profile - or, with <see cref="FindCustomerOptions.PickOnly"/>, ends with the
/// <see cref="CustomerSummary"/> picked for the dialog that asked.
/// </summary>
public sealed class FindCustomerDialog : ComponentDialog
{
    /// <summary>More than this many matches are narrowed down by a more precise search, not by scrolling.</summary>
    public const int MaxChoices = 8;

    private const string QueryPrompt = "findCustomer.query";
    private const string PickPrompt = "findCustomer.pick";
    private const string FoundKey = "found";

    private readonly CustomerService _customers;
    private readonly CustomerProfileQuery _profiles;
    private readonly CustomerProfileMessage _profileMessage;
    private readonly PurchaseModelService _purchaseModel;
    private readonly PurchaseScoreText _scoreText;
    private readonly int _horizonDays;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<FindCustomerDialog> _text;
    private readonly TimeZoneInfo _shopTimeZone;

    public FindCustomerDialog(
        CustomerService customers,
        CustomerProfileQuery profiles,
        CustomerProfileMessage profileMessage,
        PurchaseModelService purchaseModel,
        PurchaseScoreText scoreText,
        RepOnly repOnly,
        IStringLocalizer<FindCustomerDialog> text,
        IOptions<CrmOptions> options,
        IOptions<PurchaseModelOptions> insights)
        : base(nameof(FindCustomerDialog))
    {
        _customers = customers;
        _profiles = profiles;
        _profileMessage = profileMessage;
        _purchaseModel = purchaseModel;
        _scoreText = scoreText;
        _horizonDays = insights.Value.HorizonDays;
        _repOnly = repOnly;
        _text = text;
        _shopTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        AddDialog(new WaterfallDialog("findCustomer", [AskQueryAsync, SearchAsync, ShowAsync]));
        AddDialog(new TextPrompt(QueryPrompt));
        AddDialog(new ChoicePrompt(PickPrompt));
        InitialDialogId = "findCustomer";
    }

    private async Task<DialogTurnResult> AskQueryAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        if (step.GetOptions<FindCustomerOptions>()?.Query is { } query)
        {
            return await step.NextAsync(query, ct);
        }

        return await step.PromptAsync(QueryPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_text["AskQuery"]),
            Help = MessageFactory.Text(_text["QueryHelp"]),
        }, ct);
    }

    private async Task<DialogTurnResult> SearchAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not string query)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var found = await _customers.SearchAsync(query, 1, MaxChoices, ct);
        step.Values[FoundKey] = found.Items.ToArray();
        switch (found.Items.Count)
        {
            case 0:
                await step.Context.SendActivityAsync(_text["NoMatch", query], cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            case 1:
                return await step.NextAsync(new FoundChoice(found.Items[0].Name, 0), ct);
            default:
                var question = found.HasMore ? _text["WhichOneOfMany", MaxChoices] : _text["WhichOne", found.Items.Count];
                return await step.PromptAsync(PickPrompt, new PromptOptions
                {
                    Prompt = MessageFactory.Text(question),
                    Choices = [.. found.Items.Select(customer => new Choice(Label(customer)))],
                    Help = MessageFactory.Text(_text["PickHelp"]),
                }, ct);
        }
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.Values.GetValue<CustomerSummary[]>(FoundKey)![choice.Index];
        if (step.GetOptions<FindCustomerOptions>()?.PickOnly == true)
        {
            return await step.EndDialogAsync(customer, ct);
        }

        var score = await _purchaseModel.ScoreAsync(customer.Id, ct);
        if (step.GetOptions<FindCustomerOptions>()?.ScoreOnly == true)
        {
            var answer = score is null
                ? _text["NoScoreYet", customer.Name]
                : _text["Score", customer.Name, string.Join(' ', new[] { _scoreText.Headline(score, _horizonDays), _scoreText.Reasons(score) }.Where(part => part.Length > 0))];
            await step.Context.SendActivityAsync(answer, cancellationToken: ct);
            return await step.EndDialogAsync(customer, ct);
        }

        var overview = await _profiles.GetAsync(customer.Id, ct: ct);
        await step.Context.SendActivityAsync(_profileMessage.Create(overview, _shopTimeZone, score, _horizonDays), ct);
        return await step.EndDialogAsync(customer, ct);
    }

    /// <summary>The name and a contact, so that two customers of the same name can be told apart.</summary>
    private static string Label(CustomerSummary customer) =>
        (customer.Email ?? customer.Phone) is { } contact ? $"{customer.Name} ({contact})" : customer.Name;
}
