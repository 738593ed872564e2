using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the single writer; in WAL mode
/// synchronous=NORMAL is still crash-safe for the database (a power cut may lose the last commits,
/// never corrupt). busy_timeout makes a writer wait for the lock instead of failing at once.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
