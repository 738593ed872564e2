using CrmBot.Domain.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Persistence;

/// <summary>Brings the database up to date at start-up and, if asked, fills an empty one with the demo shop.</summary>
public sealed class CrmDatabase(CrmDbContext db, DemoShop demoShop, IOptions<DatabaseOptions> options, ILogger<CrmDatabase> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        if (options.Value.SeedDemoData && !await db.Customers.AnyAsync(ct))
        {
            logger.LogInformation("Empty database: loading the demo shop");
            var summary = await demoShop.SeedAsync(ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Demo shop loaded: {Summary}", summary);
            }
        }
    }

    /// <summary>Brings the database up to date and nothing more: the data import fills it with the shop's own data.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
