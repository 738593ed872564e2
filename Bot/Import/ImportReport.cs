using System.Globalization;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Import;
using Spectre.Console;

namespace CrmBot.Import;

/// <summary>
/// What the import command shows: the database it writes to, a progress bar per file (only on a terminal: redirected
/// output gets no bar), then a table of what each file did and the rejected rows with their lines and reasons.
/// </summary>
internal sealed class ImportReport
{
    /// <summary>Enough to find the pattern of what went wrong; a file with more needs fixing at its source anyway.</summary>
    private const int RejectionsShown = 200;

    private readonly TextWriter _output;
    private readonly IAnsiConsole _console;
    private readonly bool _terminal;

    public ImportReport(TextWriter output)
    {
        _output = output;
        _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = _terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = _terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = _terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    public async Task DatabaseAsync(string connectionString, int demoCustomers)
    {
        await _output.WriteLineAsync($"Importing into {connectionString}");
        if (demoCustomers > 0)
        {
            await _output.WriteLineAsync(
                $"Note: this database also holds the demo shop ({demoCustomers} customers with external ids " +
                $"{DemoShop.ExternalIdPrefix}...), loaded when the bot first started on it. The import adds to it; for the " +
                "shop's data alone, import into a new data directory (--Database:DataDirectory) before the bot starts on it.");
        }
    }

    public async Task<ImportSummary> WithProgressAsync(Func<IProgress<ImportProgress>?, Task<ImportSummary>> import)
    {
        if (!_terminal)
        {
            return await import(null);
        }

        return await _console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                return await import(new InlineProgress<ImportProgress>(progress =>
                {
                    if (!tasks.TryGetValue(progress.File, out var task))
                    {
                        tasks[progress.File] = task = context.AddTask(progress.File);
                    }

                    task.MaxValue = progress.Rows;
                    task.Value = progress.Read;
                }));
            });
    }

    public async Task SummaryAsync(ImportSummary summary)
    {
        var table = new Table().AddColumn("File");
        foreach (var column in new[] { "Read", "Created", "Updated", "Unchanged", "Rejected" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var file in summary.Files)
        {
            table.AddRow(
                Markup.Escape(file.File), Number(file.Read), Number(file.Created), Number(file.Updated), Number(file.Unchanged), Number(file.Rejected));
        }

        _console.Write(table);
        if (summary.Rejected > 0)
        {
            await _output.WriteLineAsync("Rejected rows (skipped; fix them and import again):");
            foreach (var rejection in summary.Rejections.Take(RejectionsShown))
            {
                await _output.WriteLineAsync($"  {rejection.File} line {rejection.Line}: {rejection.Reason}");
            }

            if (summary.Rejected > RejectionsShown)
            {
                await _output.WriteLineAsync($"  ... and {Number(summary.Rejected - RejectionsShown)} more.");
            }
        }

        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        await _output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"{summary.Read:N0} rows in {seconds:0.0} s ({summary.Read / seconds:N0} rows/s)."));
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
