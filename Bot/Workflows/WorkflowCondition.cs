using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBot.Workflows;

/// <summary>A test on the order or the customer, written { "field": "order.total", "atLeast": 500 }.</summary>
[JsonConverter(typeof(WorkflowConditionConverter))]
public sealed record WorkflowCondition(string Field, ConditionOperator Operator, JsonElement Value)
{
    public override string ToString() => $"{Field} {WorkflowJson.Name(Operator)} {Value.GetRawText()}";
}

/// <summary>Reads and writes a condition as one "field" and one operator property.</summary>
internal sealed class WorkflowConditionConverter : JsonConverter<WorkflowCondition>
{
    public override WorkflowCondition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        string? field = null;
        (ConditionOperator Operator, JsonElement Value)? test = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("field"))
            {
                field = property.Value.GetString();
            }
            else if (test is null && Enum.TryParse<ConditionOperator>(property.Name, ignoreCase: true, out var op) && !int.TryParse(property.Name, out _))
            {
                test = (op, property.Value.Clone());
            }
            else
            {
                throw new JsonException($"A condition has a field and one operator ({string.Join(", ", Enum.GetValues<ConditionOperator>().Select(WorkflowJson.Name))}), not '{property.Name}'.");
            }
        }

        return field is not null && test is { } t
            ? new WorkflowCondition(field, t.Operator, t.Value)
            : throw new JsonException("A condition needs a field and one operator.");
    }

    public override void Write(Utf8JsonWriter writer, WorkflowCondition value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("field", value.Field);
        writer.WritePropertyName(WorkflowJson.Name(value.Operator));
        value.Value.WriteTo(writer);
        writer.WriteEndObject();
    }
}
