using System.Net;

namespace CrmBot.Tests.Api;

/// <summary>Each API key has its own budget of requests (Api:RateLimit); over it, 429 with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedApiApplication app) : IClassFixture<RateLimitTests.LimitedApiApplication>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeyOverItsLimitIsToldToWaitWhileAnotherKeyIsStillServed()
    {
        var limited = app.Client(ApiApplication.Reader);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await limited.GetAsync("products", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await limited.GetAsync("products", Ct);
        using var other = await app.Client(ApiApplication.Clerk).GetAsync("products", Ct);

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("reader", problem.Detail(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public sealed class LimitedApiApplication : ApiApplication
    {
        protected override int PermitLimit => 3;
    }
}
