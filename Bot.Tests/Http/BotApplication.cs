using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmBot.Tests.Http;

/// <summary>
/// CrmBot's real HTTP pipeline on an in-memory test server. Test configuration lives in <see cref="Settings"/>
/// (it overrides appsettings.json); services to swap go in <see cref="ConfigureWebHost"/>. Jobs are off
/// (Jobs:Enabled=false): tests that run them use JobsApplication, in the HangfireHosts collection.
/// </summary>
public class BotApplication : WebApplicationFactory<Program>
{
    /// <summary>Configuration keys the app sees, as if given on the command line. Bot Framework authentication is off by default, as in local development.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
    };

    private string? _postgreSqlDatabase;

    /// <summary>This application's own database folder, deleted with it.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("crmbot-http-").FullName;

    /// <summary>
    /// SQLite in <see cref="DataDirectory"/>, or a new PostgreSQL database of its own, created when the app starts (in
    /// the first test that uses it, which skips without a server, see <see cref="PostgreSqlServer"/>).
    /// </summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            _postgreSqlDatabase ??= PostgreSqlServer.CreateDatabaseAsync(CancellationToken.None).GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("Database:ConnectionString", _postgreSqlDatabase);
        }

        builder.UseSetting("Database:SeedDemoData", "false");
        // Hangfire keeps process-wide state, so its server runs only in the Jobs tests, one host at a time.
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
        if (_postgreSqlDatabase is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_postgreSqlDatabase);
        }
    }
}
