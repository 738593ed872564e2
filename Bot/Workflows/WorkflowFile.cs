using System.Text.Json;

namespace CrmBot.Workflows;

/// <summary>
/// Reads a workflows file: each rule is checked on its own (schema, then what the schema cannot see), so a wrong rule
/// is kept, with its errors, beside the good ones. Never throws.
/// </summary>
public static class WorkflowFile
{
    /// <summary>The rules of <paramref name="json"/>, or, for text that is not a workflows file at all, the one error that says why.</summary>
    public static WorkflowFileContent Parse(string json, string fileName, WorkflowSource source = WorkflowSource.File)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, WorkflowJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
            return new([], new WorkflowError(fileName, (int)(e.LineNumber ?? 0) + 1, null, null, $"not JSON: {message}")
            {
                Position = (int)(e.BytePositionInLine ?? 0) + 1,
            });
        }

        using (document)
        {
            var lines = JsonLineMap.Build(json);
            var violations = WorkflowSchema.Check(document.RootElement);
            if (violations.FirstOrDefault(v => RuleIndex(v.Location) is null) is { } whole)
            {
                return new([], new WorkflowError(fileName, lines.LineOf(whole.Location), null, Field(whole.Location, null), whole.Message));
            }

            var rules = new List<WorkflowRule>();
            var lineOfName = new Dictionary<string, int>(StringComparer.Ordinal);
            var elements = document.RootElement.GetProperty("workflows").EnumerateArray().ToList();
            for (var i = 0; i < elements.Count; i++)
            {
                var at = $"/workflows/{i}";
                var name = elements[i].TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"#{i + 1}";
                var problems = violations.Where(v => RuleIndex(v.Location) == i).ToList();
                WorkflowDefinition? definition = null;
                if (problems.Count == 0)
                {
                    try
                    {
                        definition = elements[i].Deserialize<WorkflowDefinition>(WorkflowJson.SerializerOptions);
                        problems.AddRange(WorkflowRuleChecks.Check(definition!, at));
                    }
                    catch (JsonException e)
                    {
                        problems.Add(new(at, e.Message));
                    }
                }

                if (!lineOfName.TryAdd(name, lines.LineOf(at)))
                {
                    problems.Add(new($"{at}/name", $"another rule above, at line {lineOfName[name]}, has this name"));
                }

                var errors = problems
                    .Select(p => new WorkflowError(fileName, lines.LineOf(p.Location), name, Field(p.Location, at), p.Message))
                    .ToList();
                rules.Add(new WorkflowRule(definition ?? new WorkflowDefinition(name) { Enabled = false }, source, errors));
            }

            return new(rules, null);
        }
    }

    private static int? RuleIndex(string pointer) =>
        pointer.Split('/') is [_, "workflows", var index, ..] && int.TryParse(index, out var i) ? i : null;

    /// <summary>A JSON pointer as a path a person reads, relative to the rule's: /workflows/2/actions/0/template is actions[0].template.</summary>
    private static string? Field(string pointer, string? rule)
    {
        var relative = rule is not null ? pointer[rule.Length..] : pointer;
        var path = string.Empty;
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += int.TryParse(name, out _) ? $"[{name}]" : path.Length == 0 ? name : $".{name}";
        }

        return path.Length == 0 ? null : path;
    }
}

/// <summary>The rules of a workflows file, or the error that kept any from being read (then there are none).</summary>
public sealed record WorkflowFileContent(IReadOnlyList<WorkflowRule> Rules, WorkflowError? FileError);
