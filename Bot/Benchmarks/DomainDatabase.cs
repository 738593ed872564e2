using CrmBot.Domain;
using CrmBot.Domain.Persistence;

namespace CrmBot.Benchmarks;

/// <summary>The domain layer alone, on the SQLite files of a data folder: what a scenario reads and writes the database with.</summary>
internal static class DomainDatabase
{
    public static ServiceProvider Services(string dataDirectory, bool seedDemoData = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmDomain();
        services.Configure<DatabaseOptions>(options =>
        {
            options.DataDirectory = dataDirectory;
            options.SeedDemoData = seedDemoData;
        });
        return services.BuildServiceProvider();
    }
}
