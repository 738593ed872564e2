using System.CommandLine;
using CrmBot.Domain.Import;
using CrmBot.Domain.Persistence;
using CrmBot.Hosting;
using Microsoft.Extensions.Options;

namespace CrmBot.Import;

/// <summary>
/// <c>import --customers customers.csv --orders orders.csv [--interactions interactions.csv]</c>: loads a shop's history
/// into the database the bot uses (configured as for serving), with a progress bar and a summary. It brings the
/// database up to date but never loads the demo shop into it.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var customers = new Option<FileInfo>("--customers")
        {
            Description = "Customers: external_id, name, email, phone, city, country, created_at.",
            HelpName = "customers.csv",
            Required = true,
        };
        var orders = new Option<FileInfo>("--orders")
        {
            Description = "Orders: external_id, customer_external_id, placed_at, status, total, currency.",
            HelpName = "orders.csv",
            Required = true,
        };
        var interactions = new Option<FileInfo>("--interactions")
        {
            Description = "Calls, chats, emails and notes: customer_external_id, occurred_at, kind.",
            HelpName = "interactions.csv",
        };

        var command = new Command(
            "import",
            "Loads a shop's history from CSV files (UTF-8, a header row, ISO 8601 timestamps) into the bot's database. Rows " +
            "are matched by external id, so running it again creates nothing twice; bad rows are reported and skipped. " +
            "Configuration options pass through, e.g. --Database:DataDirectory /srv/crmbot.")
        {
            customers, orders, interactions,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (await CommandHost.HostArgumentsAsync(parseResult) is not { } hostArgs)
            {
                return 1;
            }

            var files = new ImportFiles(
                parseResult.GetRequiredValue(customers).FullName,
                parseResult.GetRequiredValue(orders).FullName,
                parseResult.GetValue(interactions)?.FullName);
            return await RunAsync(files, hostArgs, timeProvider, parseResult.InvocationConfiguration.Output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ImportFiles files, string[] hostArgs, TimeProvider timeProvider, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var app = CommandHost.Build(hostArgs, timeProvider);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var report = new ImportReport(output);
        try
        {
            await services.GetRequiredService<CrmDatabase>().MigrateAsync(ct);
            var import = services.GetRequiredService<ShopImport>();
            await report.DatabaseAsync(
                services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString(),
                await import.CountDemoCustomersAsync(ct));
            var summary = await report.WithProgressAsync(progress => import.RunAsync(files, progress, ct));
            await report.SummaryAsync(summary);
            return 0;
        }
        catch (ImportFileException ex)
        {
            await error.WriteLineAsync($"Nothing was imported: {ex.Message}");
            return 1;
        }
    }
}
