using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CrmBot.Api;

/// <summary>
/// Authenticates the <see cref="ApiKey.HeaderName"/> header against the configured key hashes. The key holder's name
/// becomes the user name, its scopes "scope" claims. Challenges (401) and refusals (403) answer as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[ApiKey.HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Failure messages are logged by the base class: they never repeat the key.
        if (values.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail($"Send one {ApiKey.HeaderName} header, not {values.Count}."));
        }

        if (keys.Find(values[0]!) is not { } holder)
        {
            return Task.FromResult(AuthenticateResult.Fail("This API key is not known. Check it, or ask for a new one."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, holder.Name), .. holder.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s))],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKey.Scheme} header=\"{ApiKey.HeaderName}\"";
        await ApiProblem.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "An API key is needed",
            result.Failure?.Message ?? $"Send your API key in the {ApiKey.HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => ApiScopes.OfPolicy(a.Policy))
            .LastOrDefault(s => s is not null);
        await ApiProblem.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "The API key may not do this",
            needed is null
                ? $"API key '{Context.User.Identity?.Name}' may not do this."
                : $"API key '{Context.User.Identity?.Name}' lacks the '{needed}' scope this endpoint needs.");
    }
}
