using System.CommandLine;
using CrmBot.Insights;

namespace CrmBot.Hosting;

/// <summary>
/// For commands that work on the bot's data without serving (import, train, evaluate): the host's own composition of
/// the domain, so they read the same settings and open the same database; configuration options pass through.
/// </summary>
internal static class CommandHost
{
    public static WebApplication Build(string[] hostArgs, TimeProvider timeProvider)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Services.AddSingleton(timeProvider);

        // Migrations warn about their own internals (operations outside a transaction): nothing for whoever runs a command.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.AddDomain();
        builder.AddInsights();
        return builder.Build();
    }

    /// <summary>
    /// The tokens a command left for the host (configuration options pass through); null, after saying so plainly, when
    /// one is a bare word, which is a mistake rather than an option.
    /// </summary>
    public static async Task<string[]?> HostArgumentsAsync(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string[] hostArgs = [.. parseResult.UnmatchedTokens];
        if (hostArgs is [var first, ..] && !first.StartsWith('-'))
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                $"Unexpected '{first}'. Run {parseResult.CommandResult.Command.Name} --help to see its options.");
            return null;
        }

        return hostArgs;
    }
}
