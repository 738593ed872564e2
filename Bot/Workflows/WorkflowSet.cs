namespace CrmBot.Workflows;

/// <summary>
/// The rules in force: the shipped defaults, each replaced by the file's rule of the same name (which may only say
/// "enabled": false to turn it off), then the file's own rules. Built by <see cref="Read"/>, which never throws.
/// </summary>
public sealed record WorkflowSet(string File, bool FileExists, IReadOnlyList<WorkflowRule> Rules, WorkflowError? FileError)
{
    /// <summary>Every error: the file's, then each rule's.</summary>
    public IReadOnlyList<WorkflowError> Errors => [.. (FileError is null ? [] : new[] { FileError }), .. Rules.SelectMany(r => r.Errors)];

    /// <summary>The rules the engine runs.</summary>
    public IEnumerable<WorkflowRule> Active => Rules.Where(r => r.IsActive);

    /// <summary>
    /// Reads the file at <paramref name="path"/>. When it is no workflows file at all, its error is kept and the rules
    /// read from it before (<paramref name="previousFileRules"/>, none at start) stay in force.
    /// </summary>
    public static WorkflowSet Read(string path, IReadOnlyList<WorkflowRule>? previousFileRules = null)
    {
        if (!System.IO.File.Exists(path))
        {
            return new(path, false, DefaultWorkflows.Rules, null);
        }

        WorkflowFileContent content;
        try
        {
            content = WorkflowFile.Parse(System.IO.File.ReadAllText(path), Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            content = new([], new WorkflowError(Path.GetFileName(path), 1, null, null, $"cannot be read: {e.Message}"));
        }

        var fileRules = content.FileError is null ? content.Rules : previousFileRules ?? [];
        return new(path, true, Combine(DefaultWorkflows.Rules, fileRules), content.FileError);
    }

    /// <summary>The rules read from the file (not the defaults they left alone), to keep when the next read fails.</summary>
    public IReadOnlyList<WorkflowRule> FileRules => [.. Rules.Where(r => r.Source == WorkflowSource.File)];

    private static List<WorkflowRule> Combine(IReadOnlyList<WorkflowRule> defaults, IReadOnlyList<WorkflowRule> fileRules)
    {
        var rules = defaults.ToList();
        foreach (var rule in fileRules)
        {
            var index = rules.FindIndex(r => r.Source == WorkflowSource.Default && r.Name == rule.Name);
            if (index < 0)
            {
                rules.Add(rule);
            }
            else if (rule is { IsValid: true, Definition: { Trigger: null, Enabled: false } })
            {
                // Only turned off: the default stays listed, with what it would do.
                rules[index] = rule with { Definition = rules[index].Definition with { Enabled = false } };
            }
            else
            {
                rules[index] = rule;
            }
        }

        return rules;
    }
}
