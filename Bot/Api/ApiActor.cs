using System.Security.Claims;
using CrmBot.Domain.Common;

namespace CrmBot.Api;

/// <summary>The actor that audit trails name for a request: the API key's holder, e.g. "api:shop".</summary>
internal static class ApiActor
{
    public static Actor Of(ClaimsPrincipal user) =>
        Actor.Api(user.Identity?.Name ?? throw new InvalidOperationException("API endpoints run only for an authenticated key."));
}
