using System.Diagnostics;
using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Import;

/// <summary>
/// Loads a shop's history from CSV files: customers first, then their orders, then their interactions. Every row goes
/// through the same domain rules as the app; a bad row is reported with its line and skipped. Rows are known by the
/// shop's external ids, so importing the same files again creates nothing twice.
/// </summary>
public sealed class ShopImport(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, IOptions<CrmOptions> options)
{
    /// <exception cref="ImportFileException">A file is missing or lacks a column; nothing was imported.</exception>
    public async Task<ImportSummary> RunAsync(ImportFiles files, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var started = Stopwatch.GetTimestamp();

        // Every file is opened, and its header checked, before the first row is written.
        using var customers = CsvImportFile<CustomerRow>.Open(files.Customers);
        using var orders = CsvImportFile<OrderRow>.Open(files.Orders);
        using var interactions = files.Interactions is null ? null : CsvImportFile<InteractionRow>.Open(files.Interactions);

        var now = clock.GetUtcNow();
        var batches = new ImportBatches(contexts, progress);
        List<ImportFileSummary> summaries =
        [
            await batches.RunAsync(customers, new CustomerImportStep(options.Value.DefaultRegion, now), ct),
            await batches.RunAsync(orders, new OrderImportStep(now), ct),
        ];
        if (interactions is not null)
        {
            summaries.Add(await batches.RunAsync(interactions, new InteractionImportStep(now), ct));
        }

        return new ImportSummary(summaries, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>How many customers of the demo shop the database holds: an import adds to them, it does not replace them.</summary>
    public async Task<int> CountDemoCustomersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Customers.CountAsync(c => c.ExternalId!.StartsWith(DemoData.DemoShop.ExternalIdPrefix), ct);
    }
}
