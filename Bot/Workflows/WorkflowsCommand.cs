using System.CommandLine;

namespace CrmBot.Workflows;

/// <summary>
/// <c>workflows [--file path]</c>: lists the sales workflow rules in force (on or off, trigger, actions) and what is
/// wrong with any, with its line; exit code 1 when a rule or the file is wrong.
/// </summary>
internal static class WorkflowsCommand
{
    public static Command Create(Func<IConfiguration> configuration)
    {
        var file = new Option<FileInfo>("--file", "-f")
        {
            Description = $"The workflows file to check; default: the configuration's {WorkflowsOptions.Section}:File (workflows.json).",
            HelpName = "path",
        };
        var command = new Command("workflows", "Lists the sales workflow rules (the shipped defaults and the workflows file's) and what is wrong with any.")
        {
            file,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(file)?.FullName
                ?? Path.GetFullPath(configuration()[$"{WorkflowsOptions.Section}:File"] is { Length: > 0 } configured ? configured : new WorkflowsOptions().File);
            var set = WorkflowSet.Read(path);

            await output.WriteLineAsync(set.FileExists ? $"Rules from {path} and the shipped defaults:" : $"{path} does not exist: the shipped default rules apply.");
            await output.WriteLineAsync();
            var width = set.Rules.Max(r => r.Name.Length);
            foreach (var rule in set.Rules)
            {
                var state = !rule.IsValid ? "ERROR" : rule.Definition.Enabled ? "on" : "off";
                var actions = string.Join(", ", rule.Definition.Actions);
                var what = rule.Definition.Trigger is { } trigger ? $"{trigger} -> {actions}" : string.Empty;
                var origin = rule.Source == WorkflowSource.Default ? " (default)" : string.Empty;
                await output.WriteLineAsync($"  {state,-5} {rule.Name.PadRight(width)}  {what}{origin}".TrimEnd());
            }

            var errors = set.Errors;
            if (errors.Count == 0)
            {
                return 0;
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(errors.Count == 1 ? "1 error:" : $"{errors.Count} errors:");
            foreach (var error in errors)
            {
                await output.WriteLineAsync($"  {error}");
            }

            return 1;
        });
        return command;
    }
}
