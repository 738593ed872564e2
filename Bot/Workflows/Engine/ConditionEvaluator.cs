using System.Globalization;
using System.Text.Json;

namespace CrmBot.Workflows.Engine;

/// <summary>
/// Tests a rule's conditions on a run's subject. A field without a value (no order yet, never scored) satisfies only
/// notEquals. Text compares without regard to case; days count whole days.
/// </summary>
public static class ConditionEvaluator
{
    public static IReadOnlyList<ConditionOutcome> Evaluate(IEnumerable<WorkflowCondition> conditions, WorkflowSubject subject, DateTimeOffset now) =>
        [.. conditions.Select(c => Evaluate(c, subject, now))];

    /// <summary>
    /// True when every condition holds; stops at the first that does not, and describes none (a scan tests every
    /// customer, and the run log's descriptions are written when a run executes).
    /// </summary>
    public static bool AllHold(IEnumerable<WorkflowCondition> conditions, WorkflowSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(subject);
        return conditions.All(c => Holds(c, Actual(c.Field, subject, now)));
    }

    public static ConditionOutcome Evaluate(WorkflowCondition condition, WorkflowSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(subject);
        var actual = Actual(condition.Field, subject, now);
        return new ConditionOutcome(condition.ToString(), Describe(actual), Holds(condition, actual));
    }

    private static object? Actual(string field, WorkflowSubject subject, DateTimeOffset now)
    {
        var (customer, order) = (subject.Customer, subject.Order);
        return field switch
        {
            "order.total" => order?.Total.Amount,
            "order.currency" => order?.Total.Currency,
            "order.status" => order?.Status.ToString(),
            "customer.country" => customer.Country,
            "customer.tags" => customer.Tags,
            "customer.rep" => customer.RepName is null ? null : new Rep(customer.RepName, customer.RepEmail),
            "customer.likelihood" => customer.Likelihood is { } l ? (decimal)l : null,
            "customer.daysSinceLastOrder" => customer.LastOrderAt is { } at ? (decimal)(now - at).Days : null,
            "customer.daysSinceLastContact" => (decimal)(now - customer.LastContactOrCreated).Days,
            "customer.consent" => customer.Consent,
            _ => throw new ArgumentException($"'{field}' is not a condition field.", nameof(field)),
        };
    }

    private static bool Holds(WorkflowCondition condition, object? actual)
    {
        if (condition.Operator == ConditionOperator.NotEquals)
        {
            return actual is null || !Same(actual, condition.Value);
        }

        return actual is not null && condition.Operator switch
        {
            ConditionOperator.Equals => Same(actual, condition.Value),
            ConditionOperator.In => condition.Value.EnumerateArray().Any(v => Same(actual, v)),
            ConditionOperator.AtLeast => actual is decimal n && n >= condition.Value.GetDecimal(),
            ConditionOperator.AtMost => actual is decimal n && n <= condition.Value.GetDecimal(),
            ConditionOperator.Contains => actual is IReadOnlyList<string> tags && condition.Value.GetString() is { } tag
                && tags.Contains(tag.Trim().ToLowerInvariant()),
            _ => false,
        };
    }

    private static bool Same(object actual, JsonElement expected) => actual switch
    {
        decimal n => expected.ValueKind == JsonValueKind.Number && n == expected.GetDecimal(),
        bool b => expected.ValueKind is JsonValueKind.True or JsonValueKind.False && b == expected.GetBoolean(),
        Rep rep => expected.GetString() is { } wanted
            && (string.Equals(rep.Name, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(rep.Email, wanted, StringComparison.OrdinalIgnoreCase)),
        string s => string.Equals(s, expected.GetString(), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string? Describe(object? actual) => actual switch
    {
        null => null,
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IReadOnlyList<string> tags => string.Join(", ", tags),
        Rep rep => rep.Name,
        _ => actual.ToString(),
    };

    /// <summary>customer.rep matches the rep's name or email.</summary>
    private sealed record Rep(string Name, string? Email);
}
