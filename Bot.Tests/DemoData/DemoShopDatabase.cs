using CrmBot.Domain.DemoData;
using CrmBot.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.DemoData;

/// <summary>
/// An in-memory SQLite database (one connection kept open), migrated like production and filled with
/// the demo shop at a fixed clock. Used as a class fixture, or created by a test that changes the data.
/// </summary>
public class DemoShopDatabase : IAsyncLifetime
{
    /// <summary>10:00 in Shanghai, a month before the 2026 Spring Festival; two years of history end here.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 2, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly string _language;

    public DemoShopDatabase()
        : this("en")
    {
    }

    protected DemoShopDatabase(string language) => _language = language;

    public FakeTimeProvider Clock { get; } = new(Now);

    public DemoShopSummary Summary { get; private set; } = null!;

    public CrmDbContext NewContext() => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(_connection).Options);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await _connection.OpenAsync(ct);
        await using var db = NewContext();
        await db.Database.MigrateAsync(ct);

        Summary = await new DemoShop(db, Clock, Options.Create(new DatabaseOptions { DemoShopLanguage = _language })).SeedAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with the Chinese demo shop (Database:DemoShopLanguage zh-CN).</summary>
public sealed class ChineseDemoShopDatabase() : DemoShopDatabase("zh-CN");
