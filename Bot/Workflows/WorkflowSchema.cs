using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CrmBot.Workflows;

/// <summary>
/// workflows.schema.json, the published JSON Schema (draft 2020-12) of the workflows file, shipped inside the app and
/// served at <see cref="Url"/>; it finds what is malformed and says so in words a sales manager follows.
/// </summary>
public static class WorkflowSchema
{
    public const string Url = "/workflows.schema.json";

    private static readonly Lazy<string> LazyText = new(() =>
    {
        using var stream = typeof(WorkflowSchema).Assembly.GetManifestResourceStream("CrmBot.Workflows.workflows.schema.json")
            ?? throw new InvalidOperationException("workflows.schema.json is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // Built with its own registry: the global one refuses a second schema with the same $id (tests build apps in parallel).
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly Lazy<JsonNode> Node = new(() => JsonNode.Parse(Text)!);

    public static string Text => LazyText.Value;

    /// <summary>What the schema finds wrong in a workflows document, by JSON pointer, outermost first.</summary>
    public static IReadOnlyList<SchemaViolation> Check(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var details = results.Details ?? [];

        // Branches of a oneOf that holds, and "if"s that do not, fail without anything being wrong; what failed inside
        // a failing oneOf is said once, by the oneOf.
        var passed = details.Where(r => r.IsValid).ToList();
        var failures = details
            .Where(r => !r.IsValid && r.Errors is { Count: > 0 })
            .Where(r => !r.EvaluationPath.ToString().Split('/').Contains("if"))
            .Where(r => !passed.Any(p => IsUnder(r, p)))
            .ToList();
        failures.RemoveAll(r => failures.Any(p => IsUnder(r, p)));

        // A oneOf none of whose branches holds (template or text, neither given) reports each branch: say it once.
        return [.. failures
            .GroupBy(r => (Branches: OneOf(r.EvaluationPath.ToString()), Instance: r.InstanceLocation.ToString()))
            .SelectMany(g => g.Key.Branches is { } oneOf
                ? [new SchemaViolation(g.Key.Instance, Describe("oneOf", "matches none of the choices", SchemaAt(oneOf), null))]
                : g.SelectMany(r => r.Errors!.SelectMany(e => Explain(e.Key, e.Value, r, document))))];
    }

    // Evaluation paths do not say which array item: the instance location must lie within the ancestor's too.
    private static bool IsUnder(EvaluationResults result, EvaluationResults ancestor) =>
        result.EvaluationPath.ToString().StartsWith(ancestor.EvaluationPath + "/", StringComparison.Ordinal)
        && (result.InstanceLocation.ToString() + "/").StartsWith(ancestor.InstanceLocation + "/", StringComparison.Ordinal);

    /// <summary>The evaluation path of the oneOf whose branch <paramref name="evaluationPath"/> is in, if any.</summary>
    private static string? OneOf(string evaluationPath) =>
        evaluationPath.LastIndexOf("/oneOf/", StringComparison.Ordinal) is var at and >= 0 ? evaluationPath[..at] : null;

    private static IEnumerable<SchemaViolation> Explain(string keyword, string message, EvaluationResults result, JsonElement document)
    {
        var schema = SchemaAt(result.EvaluationPath.ToString());
        var location = result.InstanceLocation.ToString();
        var instance = InstanceAt(document, location);

        // A missing property is named as the field, so its path reads trigger.days rather than trigger.
        if (keyword == "required" && schema?["required"] is JsonArray required && instance is { ValueKind: JsonValueKind.Object } obj)
        {
            return required.Select(n => n!.GetValue<string>()).Where(name => !obj.TryGetProperty(name, out _))
                .Select(name => new SchemaViolation($"{location}/{JsonLineMap.Escape(name)}", "is missing"));
        }

        return [new SchemaViolation(location, Describe(keyword, message, schema, instance))];
    }

    private static string Describe(string keyword, string message, JsonNode? schema, JsonElement? instance)
    {
        JsonNode? Keyword(string name) => schema is JsonObject o ? o[name] : null;
        if (schema is JsonValue v && v.GetValueKind() == JsonValueKind.False)
        {
            return "is not a known property here";
        }

        switch (keyword)
        {
            case "enum" when Keyword("enum") is JsonArray values:
                return $"{instance?.GetRawText()} is not one of {string.Join(", ", values.Select(v => v!.ToJsonString()))}";
            case "const" when Keyword("const") is { } value:
                return $"must be {value.ToJsonString()}";
            case "type" when Keyword("type") is { } type:
                return $"must be {(type is JsonArray types ? string.Join(" or ", types.Select(t => t!.GetValue<string>())) : type.GetValue<string>())}, not {instance?.ValueKind.ToString().ToLowerInvariant()}";
            case "oneOf" when Keyword("oneOf") is JsonArray options:
                var names = options.Select(o => (o?["required"] as JsonArray)?.FirstOrDefault()?.GetValue<string>()).ToList();
                return names.All(n => n is not null) ? $"needs exactly one of {string.Join(" or ", names)}" : message;
            default:
                return message;
        }
    }

    /// <summary>The schema object an evaluation path leads to, following local $refs.</summary>
    private static JsonNode? SchemaAt(string evaluationPath)
    {
        var node = Node.Value;
        foreach (var segment in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            // JsonSchema.Net 8 writes "items" twice in an evaluation path (/items/items/$ref): a segment that leads
            // nowhere is skipped.
            node = segment == "$ref" && node?["$ref"]?.GetValue<string>() is { } target
                ? SchemaAt(target.TrimStart('#'))
                : Child(node, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)) ?? node;
        }

        return node;

        static JsonNode? Child(JsonNode? node, string name) => node switch
        {
            JsonObject o => o[name],
            JsonArray a when int.TryParse(name, out var i) && i < a.Count => a[i],
            _ => null,
        };
    }

    private static JsonElement? InstanceAt(JsonElement document, string pointer)
    {
        var element = document;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(name, out var i) && i < element.GetArrayLength())
            {
                element = element[i];
            }
            else
            {
                return null;
            }
        }

        return element;
    }
}

/// <summary>One thing the schema finds wrong: where (a JSON pointer into the document) and what.</summary>
public sealed record SchemaViolation(string Location, string Message);
