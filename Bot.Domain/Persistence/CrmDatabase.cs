using CrmBot.Domain.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Persistence;

/// <summary>Brings the database up to date at start-up and, if asked, fills an empty one with the demo shop.</summary>
public sealed class CrmDatabase(CrmDbContext db, DemoShop demoShop, IOptions<DatabaseOptions> options, ILogger<CrmDatabase> logger)
{
    /// <summary>Any number that no other advisory lock of the app uses: the one instance that seeds holds it.</summary>
    internal const long SeedingLock = 0x43524D_5345_4544;

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        if (!options.Value.SeedDemoData)
        {
            return;
        }

        // Instances starting together on one PostgreSQL database: one seeds, the others wait for it, then find customers.
        var shared = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (shared)
            {
                await WaitForSeedingLockAsync(ct);
            }

            if (!await db.Customers.AnyAsync(ct))
            {
                logger.LogInformation("Empty database: loading the demo shop");
                var summary = await demoShop.SeedAsync(ct);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Demo shop loaded: {Summary}", summary);
                }
            }
        }
        finally
        {
            if (shared)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SeedingLock})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Takes the seeding lock, asking for it again every half second: pg_advisory_lock would wait inside one command,
    /// which the command timeout (30 s) cuts off while another instance seeds on a busy machine.
    /// </summary>
    private async Task WaitForSeedingLockAsync(CancellationToken ct)
    {
        var waiting = false;
        while (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({SeedingLock}) AS \"Value\"").SingleAsync(ct))
        {
            if (!waiting)
            {
                logger.LogInformation("Another instance is loading the demo shop: waiting for it");
                waiting = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
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
