using System.Text.Json;
using CrmBot.Domain.Orders;

namespace CrmBot.Workflows;

/// <summary>The fields a condition can test, and the operators and values that make sense for each.</summary>
public static class ConditionFields
{
    private enum Kind { Number, Likelihood, Text, Status, Tags, YesNo }

    private static readonly Dictionary<string, Kind> Fields = new(StringComparer.Ordinal)
    {
        ["order.total"] = Kind.Number,
        ["order.currency"] = Kind.Text,
        ["order.status"] = Kind.Status,
        ["customer.country"] = Kind.Text,
        ["customer.tags"] = Kind.Tags,
        ["customer.rep"] = Kind.Text,
        ["customer.likelihood"] = Kind.Likelihood,
        ["customer.daysSinceLastOrder"] = Kind.Number,
        ["customer.daysSinceLastContact"] = Kind.Number,
        ["customer.consent"] = Kind.YesNo,
    };

    public static IReadOnlyCollection<string> Names => Fields.Keys;

    /// <summary>Why <paramref name="condition"/> makes no sense on <paramref name="trigger"/>; null when it does.</summary>
    public static string? Problem(WorkflowCondition condition, WorkflowTriggerType? trigger)
    {
        if (!Fields.TryGetValue(condition.Field, out var kind))
        {
            return $"'{condition.Field}' is not a field; use {string.Join(", ", Fields.Keys)}";
        }

        if (condition.Field.StartsWith("order.", StringComparison.Ordinal) && trigger is { } type
            && WorkflowPlaceholders.Problem("orderNumber", type) is not null)
        {
            return $"{condition.Field} has no value for trigger {WorkflowJson.Name(type)}, which is about no order";
        }

        var op = WorkflowJson.Name(condition.Operator);
        var allowed = kind switch
        {
            Kind.Number or Kind.Likelihood => [ConditionOperator.Equals, ConditionOperator.NotEquals, ConditionOperator.AtLeast, ConditionOperator.AtMost, ConditionOperator.In],
            Kind.Text or Kind.Status => [ConditionOperator.Equals, ConditionOperator.NotEquals, ConditionOperator.In],
            Kind.Tags => [ConditionOperator.Contains],
            _ => new[] { ConditionOperator.Equals, ConditionOperator.NotEquals },
        };
        if (!allowed.Contains(condition.Operator))
        {
            return $"{condition.Field} takes {string.Join(", ", allowed.Select(WorkflowJson.Name))}, not {op}";
        }

        var values = condition.Value.ValueKind == JsonValueKind.Array ? [.. condition.Value.EnumerateArray()] : new[] { condition.Value };
        foreach (var value in values)
        {
            var problem = kind switch
            {
                Kind.Number when value.ValueKind != JsonValueKind.Number => "a number",
                Kind.Likelihood when value.ValueKind != JsonValueKind.Number || value.GetDouble() is < 0 or > 1 => "a likelihood from 0 to 1",
                Kind.Text or Kind.Tags when value.ValueKind != JsonValueKind.String => "text",
                Kind.Status when value.ValueKind != JsonValueKind.String || !Enum.TryParse<OrderStatus>(value.GetString(), out _) =>
                    $"an order status ({string.Join(", ", Enum.GetNames<OrderStatus>())})",
                Kind.YesNo when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => "true or false",
                _ => null,
            };
            if (problem is not null)
            {
                return $"{condition.Field} {op} needs {problem}, not {value.GetRawText()}";
            }
        }

        return null;
    }
}
