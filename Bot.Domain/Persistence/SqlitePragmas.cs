using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode (set once on the file by <see cref="CrmDatabase"/>)
/// synchronous=NORMAL is still crash-safe for the database (a power cut may lose the last commits, never
/// corrupt it); busy_timeout makes a writer wait for the lock instead of failing at once.
/// </summary>
/// <remarks>
/// EF opens and closes the connection around each query, and Microsoft.Data.Sqlite hands back the same
/// native handle from its pool, so the settings are applied once per native handle, not on every open.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for another to finish before it fails.</summary>
    internal const int BusyTimeoutMilliseconds = 10_000;

    private static readonly string Pragmas = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;");

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
