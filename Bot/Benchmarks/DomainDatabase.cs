using CrmBot.Domain;
using CrmBot.Domain.Persistence;

namespace CrmBot.Benchmarks;

/// <summary>
/// The domain layer alone, on the SQLite files of a data folder or (given its connection string) a PostgreSQL database:
/// what a scenario reads and writes the database with.
/// </summary>
internal static class DomainDatabase
{
    public static ServiceProvider Services(string dataDirectory, bool seedDemoData = false, string? postgreSql = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmDomain();
        services.Configure<DatabaseOptions>(options =>
        {
            options.DataDirectory = dataDirectory;
            options.SeedDemoData = seedDemoData;
            if (postgreSql is not null)
            {
                options.Provider = DatabaseProvider.PostgreSql;
                options.ConnectionString = postgreSql;
            }
        });
        return services.BuildServiceProvider();
    }
}
