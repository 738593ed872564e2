using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Contexts of the provider Database:Provider names, from that provider's pool, for everything that asks for a
/// <see cref="CrmDbContext"/> (both pools are registered; only the chosen one is ever created).
/// </summary>
internal sealed class CrmDbContextFactory(IOptions<DatabaseOptions> options, IServiceProvider services) : IDbContextFactory<CrmDbContext>
{
    private readonly Func<CrmDbContext> _create = options.Value.Provider switch
    {
        DatabaseProvider.Sqlite => services.GetRequiredService<IDbContextFactory<SqliteCrmDbContext>>().CreateDbContext,
        DatabaseProvider.PostgreSql => services.GetRequiredService<IDbContextFactory<PostgreSqlCrmDbContext>>().CreateDbContext,
        var other => throw new InvalidOperationException($"Database:Provider '{other}' is not one of Sqlite, PostgreSql."),
    };

    public CrmDbContext CreateDbContext() => _create();
}
