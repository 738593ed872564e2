using CrmBot.Domain.Persistence;
using Hangfire;
using Hangfire.Storage.SQLite;

namespace CrmBot.Jobs;

/// <summary>
/// The one place that chooses where jobs are kept: SQLite, in <c>hangfire.db</c> beside the domain database (Hangfire's
/// tables in a file of their own). When the domain database can be PostgreSQL, this is where Hangfire.PostgreSql is
/// chosen for it, on the same database, so that every instance shares the jobs.
/// </summary>
public static class JobStorageFactory
{
    public const string SqliteFileName = "hangfire.db";

    public static JobStorage Create(DatabaseOptions database, JobsOptions jobs)
    {
        Directory.CreateDirectory(database.DataDirectory);
        return new SQLiteStorage(Path.Combine(database.DataDirectory, SqliteFileName), new SQLiteStorageOptions
        {
            JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            QueuePollInterval = jobs.PollInterval,
        });
    }
}
