using System.CommandLine;
using CrmBot.Api;
using CrmBot.Benchmarks;
using CrmBot.Import;
using CrmBot.Insights;
using CrmBot.Jobs;
using CrmBot.Teams;
using CrmBot.Understanding;
using CrmBot.Workflows;

namespace CrmBot.Hosting;

/// <summary>
/// The executable's commands. Without a command it serves the bot, handing every token it does not know
/// (--urls, --environment, ...) to the web host; <c>bench &lt;scenario&gt;</c> runs a benchmark; <c>recognize</c> shows
/// what the bot understands in a text; <c>teams-package</c> writes the Teams app package; <c>jobs hash-password</c> hashes
/// the jobs dashboard's password; <c>api new-key</c> makes a REST API key; <c>workflows</c> checks the sales workflow rules; <c>import</c> loads a shop's history from CSV files; <c>train</c> and <c>evaluate</c>
/// work on the purchase model.
/// </summary>
public sealed class CrmBotCommandLine
{
    // configuration: the app's, read only by a command that needs it (teams-package, workflows); by default as the web host reads it.
    // input: what a command reads (jobs hash-password); by default the console.
    public CrmBotCommandLine(
        Func<string[], Task<int>> serve, IEnumerable<IBenchmarkScenario> scenarios, TimeProvider? timeProvider = null,
        Func<IConfiguration>? configuration = null, TextReader? input = null)
    {
        Root = new RootCommand(
            "CrmBot, a CRM sales assistant people talk to. Without a command it serves the web chat page at / and the " +
            "Bot Framework endpoint /api/messages; ASP.NET Core options pass through, e.g. --urls http://localhost:5000.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        timeProvider ??= TimeProvider.System;
        Root.Subcommands.Add(BenchCommand.Create(scenarios, timeProvider));
        Root.Subcommands.Add(RecognizeCommand.Create(timeProvider));
        configuration ??= () => WebApplication.CreateBuilder().Configuration;
        Root.Subcommands.Add(TeamsPackageCommand.Create(configuration));
        Root.Subcommands.Add(JobsCommand.Create(input));
        Root.Subcommands.Add(ApiCommand.Create());
        Root.Subcommands.Add(ImportCommand.Create(timeProvider));
        Root.Subcommands.Add(InsightsCommands.Train(timeProvider));
        Root.Subcommands.Add(InsightsCommands.Evaluate(timeProvider));
        Root.Subcommands.Add(WorkflowsCommand.Create(configuration));
        Root.SetAction(async (parseResult, _) =>
        {
            string[] hostArgs = [.. parseResult.UnmatchedTokens];

            // Host options start with a dash; a bare word first is a mistyped command, not a reason to start serving.
            if (hostArgs is [var first, ..] && !first.StartsWith('-'))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"Unknown command '{first}'. Run with --help to see the commands.");
                return 1;
            }

            return await serve(hostArgs);
        });
    }

    public RootCommand Root { get; }

    public Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        var parseResult = Root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            // The web host shuts down gracefully on Ctrl+C and SIGTERM by itself; System.CommandLine would instead
            // cancel the action and end the process after two seconds. Benchmarks do use its cancellation.
            ProcessTerminationTimeout = parseResult.CommandResult.Command == Root ? null : TimeSpan.FromSeconds(2),
        };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return parseResult.InvokeAsync(configuration);
    }
}
