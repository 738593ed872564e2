using Npgsql;

namespace CrmBot.Benchmarks;

/// <summary>A database of its own on a PostgreSQL server for one run; disposing it drops it.</summary>
internal sealed class ScratchPostgreSqlDatabase : IAsyncDisposable
{
    private readonly string _server;

    private ScratchPostgreSqlDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new database on the server of the connection string (which names none, e.g. Host=localhost;Username=postgres;Password=postgres).</summary>
    public static async Task<ScratchPostgreSqlDatabase> CreateAsync(string server, CancellationToken ct)
    {
        var database = new ScratchPostgreSqlDatabase(server, $"crmbot_bench_{Guid.NewGuid():N}"[..32]);
        await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\"", ct);
        return database;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct) => await ExecuteAsync(ConnectionString, sql, ct);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
