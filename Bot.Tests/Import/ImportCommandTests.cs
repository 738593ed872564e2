using CrmBot.Benchmarks;
using CrmBot.Domain.Persistence;
using CrmBot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Import;

/// <summary>The import command, run as a person would: into a data directory, as the bot's configuration names it.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CsvFolder _files = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string DataDirectory => Path.Combine(_files.Path, "data");

    [Fact]
    public async Task ImportsIntoAnEmptyDatabaseTheShopsOwnDataWithoutTheDemoShop()
    {
        var files = _files.Shop();

        var exitCode = await InvokeAsync("import", "--customers", files.Customers, "--orders", files.Orders, "--interactions", files.Interactions!);

        Assert.Equal(0, exitCode);
        await using var db = OpenDatabase();
        Assert.Equal(["c-1", "c-2"], await db.Customers.OrderBy(c => c.ExternalId).Select(c => c.ExternalId).ToListAsync(Ct));
        Assert.Equal((0, 0, 2), (await db.Products.CountAsync(Ct), await db.SalesReps.CountAsync(Ct), await db.Orders.CountAsync(Ct)));
        Assert.DoesNotContain("demo shop", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintsASummaryAndTheRejectedRowsAndStillSucceeds()
    {
        var files = _files.Shop() with { Customers = _files.Customers(ImportArrangements.ZhangSan, "c-2,Li Na,not-an-email,,,,") };

        var exitCode = await InvokeAsync("import", "--customers", files.Customers, "--orders", files.Orders);

        Assert.Equal(0, exitCode);
        var output = _output.ToString();
        Assert.Matches(@"customers\.csv\s*│\s*2\s*│\s*1\s*│\s*0\s*│\s*0\s*│\s*1\s*│", output);
        Assert.Matches(@"orders\.csv\s*│\s*2\s*│\s*1\s*│\s*0\s*│\s*0\s*│\s*1\s*│", output);
        Assert.Contains("customers.csv line 3: 'not-an-email' is not a valid email address.", output, StringComparison.Ordinal);
        Assert.Contains("orders.csv line 3: No customer has external_id 'c-2'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileFailsWithoutImportingAnything()
    {
        var files = _files.Shop();

        var exitCode = await InvokeAsync("import", "--customers", files.Customers, "--orders", Path.Combine(_files.Path, "sales.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("sales.csv: no such file.", _error.ToString(), StringComparison.Ordinal);
        await using var db = OpenDatabase();
        Assert.Equal(0, await db.Customers.CountAsync(Ct));
    }

    [Fact]
    public async Task AHeaderMissingAColumnFailsNamingTheColumn()
    {
        var customers = _files.Write("customers.csv", "external_id,name,email,city,country,created_at", [ImportArrangements.ZhangSan]);

        var exitCode = await InvokeAsync("import", "--customers", customers, "--orders", _files.Orders());

        Assert.Equal(1, exitCode);
        Assert.Contains("customers.csv has no column phone in its header", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrdersFileIsRequired()
    {
        var exitCode = await InvokeAsync("import", "--customers", _files.Customers());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--orders", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _files.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var commandLine = new CrmBotCommandLine(_ => Task.FromResult(0), [new DomainScenario()]);
        return commandLine.InvokeAsync([.. args, "--Database:DataDirectory", DataDirectory], _output, _error);
    }

    private SqliteCrmDbContext OpenDatabase() =>
        new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={Path.Combine(DataDirectory, "crmbot.db")}").Options);
}
