using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host (one migration per
/// provider: <c>--context SqliteCrmDbContext</c>, then <c>--context PostgreSqlCrmDbContext</c>).
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
