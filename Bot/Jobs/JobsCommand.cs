using System.CommandLine;
using System.Text;

namespace CrmBot.Jobs;

/// <summary>
/// <c>jobs hash-password</c>: reads the jobs dashboard's password (hidden when typed, or a line of standard input) and
/// prints the hash to set as Jobs:Dashboard:PasswordHash, so the password itself is never kept in a setting.
/// </summary>
internal static class JobsCommand
{
    /// <param name="input">Where the password comes from; null reads the console.</param>
    public static Command Create(TextReader? input)
    {
        var hashPassword = new Command(
            "hash-password",
            "Reads a password (typed, hidden, or from standard input) and prints its hash for Jobs:Dashboard:PasswordHash.");
        hashPassword.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var password = input is null ? ReadFromConsole(configuration.Error) : await input.ReadLineAsync(cancellationToken);
            if (string.IsNullOrEmpty(password))
            {
                await configuration.Error.WriteLineAsync("No password given.");
                return 1;
            }

            await configuration.Output.WriteLineAsync(DashboardPassword.Hash(password));
            return 0;
        });

        return new Command("jobs", "Proactive jobs (Hangfire) and their dashboard at /hangfire.") { hashPassword };
    }

    private static string? ReadFromConsole(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        prompt.Write("Dashboard password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return password.ToString();
    }
}
