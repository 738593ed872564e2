using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBot.Tests.Support;

/// <summary>
/// The PostgreSQL server the PostgreSQL suite runs on, named by CRMBOT_TEST_POSTGRESQL (a connection string without a
/// database, e.g. <c>Host=localhost;Username=postgres;Password=postgres</c>). Without it the suite skips, except in CI
/// (CI=true), where .ci/run starts a server and a missing one is a failure. Each test gets a database of its own,
/// copied from a template migrated once per run (CREATE DATABASE ... TEMPLATE: a few tens of milliseconds).
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "CRMBOT_TEST_POSTGRESQL";

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..12];
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>The server's connection string; skips the test (fails it in CI) when none is configured.</summary>
    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var reason = $"No PostgreSQL server: set {Variable} (e.g. Host=localhost;Username=postgres;Password=postgres) to run the PostgreSQL suite.";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason + " CI starts one, so here it is a failure.");
            Assert.Skip(reason);
        }

        return server;
    }

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var server = ServerConnectionString();
        var template = await Template.Value.WaitAsync(ct);
        var name = $"crmbot_test_{RunId}_{Guid.NewGuid():N}"[..48];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", ct);
        return Database(server, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await ExecuteAsync(Database(connectionString, "postgres"), $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var server = ServerConnectionString();
        var name = $"crmbot_test_{RunId}_template";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", CancellationToken.None);
        var connectionString = Database(server, name);
        await using (var db = new PostgreSqlCrmDbContext(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
        return name;
    }

    private static string Database(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
