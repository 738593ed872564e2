using System.Globalization;
using CrmBot.Conversations;
using Microsoft.Extensions.Localization;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Writes an action's message in the current culture: the shipped template (WorkflowTemplates.resx and its
/// translations) or the rule's own text for that language, with its {placeholders} filled from the run's subject.
/// </summary>
public sealed class WorkflowMessages(
    IStringLocalizer<WorkflowTemplates> templates,
    IStringLocalizer<WorkflowMessages> text,
    PaymentInstructions payment,
    OrderTimelineMessage orders)
{
    public string Compose(WorkflowAction action, WorkflowTrigger trigger, WorkflowSubject subject)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(subject);
        var written = action.Template is { } key ? templates[key].Value : InCurrentLanguage(action.Text);
        return WorkflowPlaceholders.Fill(written, name => Value(name, trigger, subject));
    }

    /// <summary>The rule's text for the current culture: the same culture, then the same language, then English, then any.</summary>
    private static string InCurrentLanguage(IReadOnlyDictionary<string, string>? texts)
    {
        if (texts is null || texts.Count == 0)
        {
            return string.Empty;
        }

        var culture = CultureInfo.CurrentUICulture;
        string Language(string name) => CultureInfo.GetCultureInfo(name).TwoLetterISOLanguageName;
        return texts.FirstOrDefault(t => string.Equals(t.Key, culture.Name, StringComparison.OrdinalIgnoreCase)).Value
            ?? texts.FirstOrDefault(t => Language(t.Key) == culture.TwoLetterISOLanguageName).Value
            ?? texts.FirstOrDefault(t => Language(t.Key) == "en").Value
            ?? texts.First().Value;
    }

    private string? Value(string name, WorkflowTrigger trigger, WorkflowSubject subject)
    {
        var (customer, order) = (subject.Customer, subject.Order);
        return name switch
        {
            "name" => customer.Name,
            "repName" => customer.RepName ?? text["NoRep"].Value,
            "likelihood" => customer.Likelihood is { } l ? Math.Round(l * 100).ToString(CultureInfo.CurrentCulture) : text["NotScored"].Value,
            "days" => trigger.Days?.ToString(CultureInfo.CurrentCulture),
            _ when order is null => null,
            "orderNumber" => order.Number,
            "total" => order.Total.ToString(CultureInfo.CurrentCulture),
            "currency" => order.Total.Currency,
            "status" => orders.StatusName(order.Status),
            "carrier" => order.Carrier,
            "trackingNumber" => order.TrackingNumber,
            "trackingLink" => text["TrackHere", order.Number].Value,
            "paymentInstructions" => payment.For(order.Number, order.Total),
            _ => null,
        };
    }
}
