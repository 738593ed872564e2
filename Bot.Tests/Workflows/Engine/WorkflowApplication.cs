using System.Globalization;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.DirectLine;
using CrmBot.Workflows;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// The Direct Line test app with a workflows file of the test's own (Workflows:File), a mass-send limit and the
/// database the test class runs on.
/// </summary>
public sealed class WorkflowApplication : DirectLineApplication
{
    private readonly DatabaseProvider _provider;
    private readonly int _maxMessagesPerRun;

    /// <param name="workflowsFile">The whole workflows file, see <see cref="Only"/>.</param>
    /// <param name="provider">The database the app runs on.</param>
    /// <param name="maxMessagesPerRun">Workflows:MaxMessagesPerRun, the mass-send guard's limit.</param>
    public WorkflowApplication(string workflowsFile, DatabaseProvider provider = DatabaseProvider.Sqlite, int maxMessagesPerRun = 100)
    {
        (_provider, _maxMessagesPerRun) = (provider, maxMessagesPerRun);
        // A folder of its own: the catalog watches it, and the database files beside it change all the time.
        var folder = Directory.CreateDirectory(Path.Combine(DataDirectory, "workflows")).FullName;
        WorkflowsFile = Path.Combine(folder, "workflows.json");
        File.WriteAllText(WorkflowsFile, workflowsFile);
    }

    public string WorkflowsFile { get; }

    protected override DatabaseProvider Provider => _provider;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["Workflows:File"] = WorkflowsFile,
        ["Workflows:MaxMessagesPerRun"] = _maxMessagesPerRun.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A workflows file with <paramref name="rules"/> (JSON objects, comma-separated) and every shipped default turned off.</summary>
    public static string Only(string rules)
    {
        var defaultsOff = DefaultWorkflows.Rules.Select(r => $$"""{ "name": "{{r.Name}}", "enabled": false }""");
        return $$"""
            {
              "workflows": [
                {{string.Join(", ", defaultsOff)}},
                {{rules}}
              ]
            }
            """;
    }
}
