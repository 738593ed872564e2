using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmBot.Api;

/// <summary>
/// A fixed window of requests per API key (Api:RateLimit), partitioned by the authenticated key's name; a refusal is a
/// 429 problem with Retry-After. WebApplication runs authentication and authorization ahead of the app's own
/// middleware, so by the time the rate limiter runs the request's user is the key holder.
/// </summary>
internal sealed class ApiRateLimitPolicy(IOptionsMonitor<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "ApiKeys";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.CurrentValue.RateLimit;
        var keyName = httpContext.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : string.Empty;
        return RateLimitPartition.GetFixedWindowLimiter(
            keyName,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.WriteAsync(
            context.HttpContext,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"API key '{context.HttpContext.User.Identity?.Name}' has used up its requests for now; try again in {seconds} s.");
    }
}
