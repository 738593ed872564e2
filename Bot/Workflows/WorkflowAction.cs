namespace CrmBot.Workflows;

/// <summary>An action and its parameters; which ones a type needs is in the schema (workflows.schema.json).</summary>
public sealed record WorkflowAction(WorkflowActionType Type)
{
    /// <summary>A key of the shipped <see cref="WorkflowTemplates"/>.</summary>
    public string? Template { get; init; }

    /// <summary>The message per culture name (en, zh-CN, ...), instead of a template.</summary>
    public IReadOnlyDictionary<string, string>? Text { get; init; }

    /// <summary>Buttons under a rep notification: callNow, openCustomer, openOrder, snooze.</summary>
    public IReadOnlyList<string>? Buttons { get; init; }

    public WorkflowDuration? DueIn { get; init; }

    public RepAssignment? Strategy { get; init; }

    public string? Tag { get; init; }

    /// <summary>The action in a few words, as the workflows command lists it.</summary>
    public override string ToString()
    {
        var what = Template ?? (Text is not null ? "text" : Strategy is { } s ? WorkflowJson.Name(s) : Tag);
        return what is null ? WorkflowJson.Name(Type) : $"{WorkflowJson.Name(Type)}({what})";
    }
}
