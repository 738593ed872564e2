using CrmBot.Analytics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace CrmBot.Api;

public static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The REST API (section "Api"): API key authentication with read/write policies, a rate limit per key, problem
    /// details for its errors, validation of request bodies, and the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidation>();
        services.AddSingleton<ApiKeyRing>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKey.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKey.Scheme).RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Read))
            .AddPolicy(ApiScopes.WritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKey.Scheme).RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Write));

        // The limiter middleware itself is in the pipeline already (UseDirectLine); this adds the API's policy to it.
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddValidation();
        services.PostConfigure<ProblemDetailsOptions>(problems =>
        {
            var customize = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                ValidationErrorNames.UseJsonNames(context.ProblemDetails);
            };
        });
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<ApiKeySecurityTransformer>();
        });
        return builder;
    }

    /// <summary>The endpoints under /api/v1, the OpenAPI document at /openapi/v1.json and, in Development, its reference page at /scalar.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        var v1 = app.MapGroup(Prefix)
            .WithMetadata(ApiEndpointMarker.Instance)
            .RequireRateLimiting(ApiRateLimitPolicy.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        v1.MapCustomersApi().MapCustomerPrivacyApi();
        v1.MapCustomerRecordsApi();
        v1.MapProductsApi();
        v1.MapOrdersApi();
        v1.MapAnalyticsApi().RequireAuthorization(ApiScopes.ReadPolicy);
        return app;
    }
}
