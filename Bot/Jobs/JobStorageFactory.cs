using CrmBot.Domain.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace CrmBot.Jobs;

/// <summary>
/// The one place that chooses where jobs are kept: with SQLite, in <c>hangfire.db</c> beside the domain database
/// (Hangfire's tables in a file of their own); with PostgreSQL, in the domain's database (schema <c>hangfire</c>), so
/// that every instance shares the jobs and a recurring job runs once across them.
/// </summary>
public static class JobStorageFactory
{
    public const string SqliteFileName = "hangfire.db";

    public static JobStorage Create(DatabaseOptions database, JobsOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(jobs);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            var options = new PostgreSqlStorageOptions { QueuePollInterval = jobs.PollInterval, PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ResolveConnectionString(), options), options);
        }

        Directory.CreateDirectory(database.DataDirectory);
        return new SQLiteStorage(Path.Combine(database.DataDirectory, SqliteFileName), new SQLiteStorageOptions
        {
            JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            QueuePollInterval = jobs.PollInterval,
        });
    }
}
