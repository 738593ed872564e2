using CrmBot.Conversations;
using CrmBot.Dialogs;
using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Workflows;
using CrmBot.Identity;
using CrmBot.Workflows.Engine;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// "Why did 张三 get the shipping notice?" (reps only): picks the customer with <see cref="FindCustomerDialog"/>, then
/// explains from the run log the runs whose workflow matches the words of the message (its name, description,
/// template and text) or, when none does, the latest runs that messaged the customer.
/// </summary>
public sealed class WhyMessageDialog : ComponentDialog
{
    /// <summary>The customer's runs read, the last triggered first.</summary>
    public const int MaxRunsRead = 50;

    /// <summary>The runs explained in one answer: each takes several lines.</summary>
    public const int MaxRunsShown = 3;

    private readonly WorkflowCatalog _catalog;
    private readonly WorkflowActivity _activity;
    private readonly RunExplanation _explanation;
    private readonly WorkflowText _words;
    private readonly RepOnly _repOnly;
    private readonly IStringLocalizer<WhyMessageDialog> _text;
    private readonly TimeZoneInfo _shopTimeZone;

    public WhyMessageDialog(
        FindCustomerDialog findCustomer,
        WorkflowCatalog catalog,
        WorkflowActivity activity,
        RunExplanation explanation,
        WorkflowText words,
        RepOnly repOnly,
        IStringLocalizer<WhyMessageDialog> text,
        IOptions<CrmOptions> options)
        : base(nameof(WhyMessageDialog))
    {
        ArgumentNullException.ThrowIfNull(options);
        (_catalog, _activity, _explanation, _words, _repOnly, _text) = (catalog, activity, explanation, words, repOnly, text);
        _shopTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
        AddDialog(findCustomer);
        AddDialog(new WaterfallDialog("whyMessage", [FindCustomerAsync, ExplainAsync]));
        InitialDialogId = "whyMessage";
    }

    private async Task<DialogTurnResult> FindCustomerAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (await _repOnly.RefusedAsync(step.Context, ct))
        {
            return await step.EndDialogAsync(null, ct);
        }

        var customer = step.GetOptions<WhyMessageRequest>()?.Customer;
        return await step.BeginDialogAsync(nameof(FindCustomerDialog), new FindCustomerOptions(customer, PickOnly: true), ct);
    }

    private async Task<DialogTurnResult> ExplainAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is not CustomerSummary customer)
        {
            return await step.EndDialogAsync(null, ct);
        }

        var runs = await _activity.OfCustomerAsync(customer.Id, MaxRunsRead, ct);
        if (runs.Count == 0)
        {
            await step.Context.SendActivityAsync(_text["NoRuns", customer.Name], cancellationToken: ct);
            return await step.EndDialogAsync(customer.Id, ct);
        }

        var message = step.GetOptions<WhyMessageRequest>()?.Message ?? string.Empty;
        var words = new MessageWords(message);
        var rules = _catalog.Current.Rules.DistinctBy(r => r.Name).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var orders = await _activity.OrderNumbersAsync(runs.Where(r => r.OrderId is not null).Select(r => r.OrderId!.Value), ct);
        string? OrderOf(WorkflowRun run) => run.OrderId is { } id ? orders.GetValueOrDefault(id) : null;

        var scored = runs.Select(run => (Run: run, Score: words.IsEmpty ? 0 : words.CountIn(Texts(run, rules.GetValueOrDefault(run.Workflow), OrderOf(run))))).ToList();
        var best = scored.Max(s => s.Score);
        var messaging = runs.Where(MessagedTheCustomer).ToList();
        var (intro, explained) = (best, words.IsEmpty, messaging.Count) switch
        {
            ( > 0, _, _) => (_text["Matching", customer.Name, message], scored.Where(s => s.Score == best).Select(s => s.Run).ToList()),
            (_, true, > 0) => (_text["LatestMessages", customer.Name], messaging),
            (_, true, _) => (_text["NoMessagesLatestRuns", customer.Name], runs.ToList()),
            (_, false, > 0) => (_text["NoMatchLatestMessages", customer.Name, message], messaging),
            _ => (_text["NoMatchNoMessagesLatestRuns", customer.Name, message], runs.ToList()),
        };

        var zone = step.Context.Caller().Zone ?? _shopTimeZone;
        var answer = new List<string> { intro };
        answer.AddRange(explained.Take(MaxRunsShown).Select(run => _explanation.Explain(run, rules.GetValueOrDefault(run.Workflow), OrderOf(run), zone)));
        if (explained.Count > MaxRunsShown)
        {
            answer.Add(_text["MoreRuns", MaxRunsShown, explained.Count]);
        }

        await step.Context.SendActivityAsync(string.Join("\n\n", answer), cancellationToken: ct);
        return await step.EndDialogAsync(customer.Id, ct);
    }

    /// <summary>Everything a rep may remember a run's message by: the rule's name, description, trigger and actions, its templates and texts, the order.</summary>
    private IEnumerable<string> Texts(WorkflowRun run, WorkflowRule? rule, string? orderNumber)
    {
        yield return run.Workflow;
        yield return run.Trigger;
        if (orderNumber is not null)
        {
            yield return orderNumber;
        }

        foreach (var outcome in WorkflowRunLog.Parse(run.Log).Actions)
        {
            yield return outcome.Action;
        }

        if (rule is null)
        {
            yield break;
        }

        var definition = rule.Definition;
        yield return definition.Description ?? string.Empty;
        yield return definition.Trigger?.ToString() ?? string.Empty;
        yield return _words.Rule(definition);
        foreach (var action in definition.Actions)
        {
            yield return action.ToString();
            foreach (var text in (action.Template is { } key ? WorkflowTemplates.Translations(key) : []).Concat(action.Text?.Values ?? []))
            {
                yield return text;
            }
        }
    }

    private static bool MessagedTheCustomer(WorkflowRun run) =>
        WorkflowRunLog.Parse(run.Log).Actions.Any(a =>
            a.Result == ActionResult.Done && a.Action.StartsWith(WorkflowJson.Name(WorkflowActionType.MessageCustomer), StringComparison.Ordinal));
}
