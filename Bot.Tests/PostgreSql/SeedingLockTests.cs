using CrmBot.Domain;
using CrmBot.Domain.DemoData;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmBot.Tests.PostgreSql;

/// <summary>An instance that starts while another loads the demo shop into the shared database.</summary>
public sealed class SeedingLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnInstanceWaitsForTheSeedingInstanceLongerThanACommandMayTakeThenFindsTheShop()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync(Ct);
        try
        {
            // This instance's commands time out after a second; the other one seeds for longer than that, holding the lock.
            var impatient = new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 1 }.ConnectionString;
            await using var instance = Services(impatient);
            await using var other = Services(database);
            await using var lockHolder = new NpgsqlConnection(database);
            await lockHolder.OpenAsync(Ct);
            await Execute(lockHolder, $"SELECT pg_advisory_lock({CrmDatabase.SeedingLock})");

            await using var scope = instance.CreateAsyncScope();
            var starting = scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(Ct);
            await using (var seeding = other.CreateAsyncScope())
            {
                await seeding.ServiceProvider.GetRequiredService<DemoShop>().SeedAsync(Ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            var finishedWhileLocked = starting.IsCompleted;
            await Execute(lockHolder, $"SELECT pg_advisory_unlock({CrmDatabase.SeedingLock})");
            await starting.WaitAsync(TimeSpan.FromMinutes(1), Ct);

            Assert.False(finishedWhileLocked, "The instance went on while the other held the seeding lock.");
            Assert.Equal(500, await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Customers.CountAsync(Ct));
        }
        finally
        {
            await PostgreSqlServer.DropDatabaseAsync(database);
        }
    }

    private static ServiceProvider Services(string database) => new ServiceCollection()
        .AddLogging()
        .AddCrmDomain()
        .Configure<DatabaseOptions>(o => (o.Provider, o.ConnectionString, o.SeedDemoData) = (DatabaseProvider.PostgreSql, database, true))
        .BuildServiceProvider();

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
