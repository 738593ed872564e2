namespace CrmBot.Workflows;

/// <summary>Section "Workflows": where the sales workflows file is.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>The workflows file, relative to the content root; without it the shipped default rules apply.</summary>
    public string File { get; set; } = "workflows.json";
}
