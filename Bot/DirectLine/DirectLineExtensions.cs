using System.Threading.RateLimiting;

namespace CrmBot.DirectLine;

public static class DirectLineExtensions
{
    public const string CorsPolicy = "DirectLine";
    public const string VisitorTokenLimit = "WebChatVisitorTokens";

    /// <summary>The bot's own Direct Line endpoint (section "DirectLine") and what it needs: CORS and a rate limit.</summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.Section)
            .Validate(o => o.TokenLifetime >= TimeSpan.FromMinutes(1), "DirectLine:TokenLifetime must be at least one minute.")
            .Validate(o => o.VisitorTokensPerMinute > 0, "DirectLine:VisitorTokensPerMinute must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineGrants>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineCallers>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<DirectLineHousekeeping>();

        var origins = builder.Configuration.GetSection($"{DirectLineOptions.Section}:{nameof(DirectLineOptions.AllowedOrigins)}").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            // directlinejs sends its bearer token and an x-ms-bot-agent header; no cookies are involved.
            policy.WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent").WithMethods("GET", "POST");
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }
        }));

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(VisitorTokenLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DirectLineOptions>>().Value.VisitorTokensPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await DirectLineError.TooManyRequests("Too many new chats from your address; please try again in a minute.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseDirectLine(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
