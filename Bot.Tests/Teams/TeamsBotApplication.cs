using CrmBot.Domain.Persistence;
using CrmBot.Domain.SalesReps;
using CrmBot.Tests.Http;
using CrmBot.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Teams;

/// <summary>CrmBot serving Teams for the sample tenant, where the sample user (Megan Bowen) is a sales rep.</summary>
public sealed class TeamsBotApplication : BotApplication, IAsyncLifetime
{
    public const string RepName = "Megan Bowen";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Teams:AllowedTenants:0"] = TeamsActivities.SampleTenantId,
    };

    public async ValueTask InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(TestContext.Current.CancellationToken);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.SalesReps.Add(new SalesRep(RepName, "megan.bowen@example.com", TeamsActivities.SampleUserAadObjectId, 8, "Europe/London"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
