using System.Text.Json.Nodes;

namespace CrmBot.Tests.Deployment;

/// <summary>The Azure templates and parameters files in <c>deploymentTemplates/</c>, read from the source tree.</summary>
internal static class DeploymentFiles
{
    private const string ParametersSuffix = ".parameters.json";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "deploymentTemplates");

    /// <summary>File names of the templates (the Teams app in <c>teams/</c> is not one).</summary>
    public static IEnumerable<string> Templates() =>
        JsonFiles().Where(name => !name.EndsWith(ParametersSuffix, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> ParametersFiles() =>
        JsonFiles().Where(name => name.EndsWith(ParametersSuffix, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>x.parameters.json</c> gives the parameters of <c>x.json</c>.</summary>
    public static string TemplateOf(string parametersFile) => parametersFile[..^ParametersSuffix.Length] + ".json";

    public static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))?.AsObject()
        ?? throw new InvalidDataException($"{name} holds no JSON object.");

    private static IEnumerable<string> JsonFiles() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrmBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No CrmBot.sln above {AppContext.BaseDirectory}.");
    }
}
