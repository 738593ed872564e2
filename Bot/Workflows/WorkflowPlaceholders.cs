using System.Text.RegularExpressions;

namespace CrmBot.Workflows;

/// <summary>
/// The {placeholders} a message may hold, each filled by the engine from the trigger's customer, order or rep;
/// order placeholders exist only for order triggers, shipment ones only once an order shipped.
/// </summary>
public static partial class WorkflowPlaceholders
{
    private static readonly WorkflowTriggerType[] OrderTriggers =
    [
        WorkflowTriggerType.OrderPlaced, WorkflowTriggerType.OrderPaid, WorkflowTriggerType.OrderShipped, WorkflowTriggerType.OrderDelivered,
        WorkflowTriggerType.OrderCancelled, WorkflowTriggerType.OrderRefunded, WorkflowTriggerType.OrderInState,
    ];

    /// <summary>Every placeholder, what it holds, and the triggers that provide it (null: all).</summary>
    public static IReadOnlyList<WorkflowPlaceholder> All { get; } =
    [
        new("name", "the customer's name", null),
        new("repName", "the name of the customer's rep", null),
        new("likelihood", "the customer's purchase likelihood, 0-100", null),
        new("orderNumber", "the order's number, e.g. SO-10042", OrderTriggers),
        new("total", "the order's total with its currency, e.g. ¥1,280.00", OrderTriggers),
        new("currency", "the order's currency code, e.g. CNY", OrderTriggers),
        new("status", "the order's status", OrderTriggers),
        new("carrier", "the carrier of the order's shipment", [WorkflowTriggerType.OrderShipped, WorkflowTriggerType.OrderDelivered]),
        new("trackingNumber", "the shipment's tracking number", [WorkflowTriggerType.OrderShipped, WorkflowTriggerType.OrderDelivered]),
        new("trackingLink", "a link to the order's tracking in the web chat", [WorkflowTriggerType.OrderShipped, WorkflowTriggerType.OrderDelivered]),
        new("days", "the trigger's number of days", [WorkflowTriggerType.OrderInState, WorkflowTriggerType.NoContact]),
        new("paymentInstructions", "how to pay the order: payee, bank account and the order number as reference", OrderTriggers),
    ];

    /// <summary>The names between braces in a message, in order of appearance.</summary>
    public static IEnumerable<string> In(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The text with each {placeholder} replaced by its value; one without a value is left as written.</summary>
    public static string Fill(string text, Func<string, string?> value) =>
        Placeholder().Replace(text, m => value(m.Groups[1].Value) ?? m.Value);

    /// <summary>Why <paramref name="name"/> cannot appear in a message of a rule on <paramref name="trigger"/>; null when it can.</summary>
    public static string? Problem(string name, WorkflowTriggerType? trigger)
    {
        var placeholder = All.FirstOrDefault(p => p.Name == name);
        if (placeholder is null)
        {
            return $"{{{name}}} is not a placeholder; use {string.Join(", ", All.Select(p => $"{{{p.Name}}}"))}";
        }

        return trigger is { } type && placeholder.Triggers is { } triggers && !triggers.Contains(type)
            ? $"{{{name}}} has no value for trigger {WorkflowJson.Name(type)}"
            : null;
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A placeholder, what it holds, and the triggers that provide it (null: all).</summary>
public sealed record WorkflowPlaceholder(string Name, string Meaning, IReadOnlyList<WorkflowTriggerType>? Triggers);
