using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.SalesReps;
using CrmBot.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmBot.Tests.DirectLine;

/// <summary>The real app with its Direct Line secret set, reps allowed to get tokens, English and Chinese, and a clock tests can move.</summary>
public class DirectLineApplication : BotApplication
{
    public const string Secret = "test-direct-line-secret";
    public const string TrustedOrigin = "https://shop.example.test";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:AllowRepTokens"] = "true",
        ["DirectLine:VisitorTokensPerMinute"] = "1000",
        ["DirectLine:AllowedOrigins:0"] = TrustedOrigin,
        ["Language:SupportedCultures:0"] = "en",
        ["Language:SupportedCultures:1"] = "zh-CN",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public DirectLineClient CreateDirectLineClient() => new(CreateClient());

    public async Task<Customer> AddCustomerAsync(string name, string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerService>()
            .CreateAsync(new CustomerProfile(name, email, Phone: null), TestContext.Current.CancellationToken);
    }

    public async Task<SalesRep> AddRepAsync(string name, string timeZone = "UTC")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var rep = new SalesRep(name, $"{Guid.NewGuid():N}@example.com", aadObjectId: null, dailyCallCapacity: 10, timeZone);
        db.SalesReps.Add(rep);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return rep;
    }
}
