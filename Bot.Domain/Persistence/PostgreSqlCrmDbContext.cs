using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Persistence;

/// <summary>The domain's database on PostgreSQL (Database:Provider), with the migrations in Persistence/PostgreSql/Migrations.</summary>
public sealed class PostgreSqlCrmDbContext(DbContextOptions<PostgreSqlCrmDbContext> options) : CrmDbContext(options);
