using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmBot.Domain.Persistence;

/// <summary>The same for PostgreSQL; scaffolding a migration needs no server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCrmDbContext>
{
    public PostgreSqlCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql("Host=localhost;Database=crmbot_design_time").Options);
}
