using System.CommandLine;

namespace CrmBot.Benchmarks;

/// <summary><c>bench &lt;scenario&gt; [--out dir]</c>: one subcommand per <see cref="IBenchmarkScenario"/>.</summary>
internal static class BenchCommand
{
    public static Command Create(IEnumerable<IBenchmarkScenario> scenarios, TimeProvider timeProvider)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory the JSON results go to, as <scenario>-<timestamp>.json.",
            HelpName = "dir",
            DefaultValueFactory = _ => new DirectoryInfo("bench-results"),
            Recursive = true,
        };

        var bench = new Command("bench", "Measures CrmBot: runs a scenario, prints its figures and peak working set, and writes them as JSON.");
        bench.Options.Add(output);
        var runner = new BenchmarkRunner(timeProvider);
        foreach (var scenario in scenarios)
        {
            var command = new Command(scenario.Name, scenario.Description);
            foreach (var option in scenario.Options)
            {
                command.Options.Add(option);
            }

            command.SetAction(async (parseResult, cancellationToken) =>
            {
                var context = new BenchmarkContext(parseResult, parseResult.InvocationConfiguration.Output, cancellationToken);
                await runner.RunAsync(scenario, context, parseResult.GetRequiredValue(output));
            });
            bench.Subcommands.Add(command);
        }

        return bench;
    }
}
