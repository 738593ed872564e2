using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Persistence;

/// <summary>The domain's database on SQLite (the default), with the migrations in Persistence/Migrations.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options);
