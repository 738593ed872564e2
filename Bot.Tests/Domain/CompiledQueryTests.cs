using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

/// <summary>A compiled query runs against every EF model it meets, not only the first one.</summary>
public sealed class CompiledQueryTests
{
    private static readonly CompiledQuery<Func<CrmDbContext, string, Task<Customer?>>> ByEmail = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string email) => db.Customers.FirstOrDefault(c => c.Email == email)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunsAgainstHostsWithModelsOfTheirOwn()
    {
        // Options that change EF's internal services (here detailed errors) give a host a model of its own.
        await using var plain = await TestDatabase.CreateAsync(Ct);
        await using var detailed = await TestDatabase.CreateAsync(Ct, services => TestDatabase.ConfigureContexts(services, options => options.EnableDetailedErrors()));
        var zhang = await plain.AddCustomerAsync(Ct);
        var li = await detailed.AddCustomerAsync("李四", "li.si@example.com", null, Ct);

        var inPlain = await plain.WithDbAsync(db => ByEmail.For(db)(db, "zhang.san@example.com"));
        var inGated = await detailed.WithDbAsync(db => ByEmail.For(db)(db, "li.si@example.com"));

        Assert.NotSame(ModelOf(plain), ModelOf(detailed));
        Assert.Equal(zhang.Id, inPlain?.Id);
        Assert.Equal(li.Id, inGated?.Id);
    }

    private static object ModelOf(TestDatabase database)
    {
        using var scope = database.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CrmDbContext>().Model;
    }
}
