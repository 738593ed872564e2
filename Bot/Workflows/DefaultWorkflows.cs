namespace CrmBot.Workflows;

/// <summary>The rules CrmBot ships (DefaultWorkflows.json, embedded): what applies without a workflows file.</summary>
public static class DefaultWorkflows
{
    public const string ResourceName = "CrmBot.Workflows.DefaultWorkflows.json";

    private static readonly Lazy<WorkflowFileContent> Content = new(() => WorkflowFile.Parse(Text, "DefaultWorkflows.json", WorkflowSource.Default));

    public static string Text
    {
        get
        {
            using var stream = typeof(DefaultWorkflows).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the app.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static IReadOnlyList<WorkflowRule> Rules => Content.Value.Rules;
}
