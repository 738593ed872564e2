using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace CrmBot.Channels;

/// <summary>
/// Bot Framework authentication from configuration, where a token that fails validation is unauthorized (401).
/// The SDK turns only a missing header or a token from an unknown issuer into UnauthorizedAccessException (401);
/// a header that is not a JWT (ArgumentException, SecurityTokenMalformedException) or a token that fails
/// validation (SecurityTokenException: unknown signing key, bad signature, expired) escape as 500s.
/// Failing to fetch the signing keys stays a server error: the bot cannot tell a good token from a forged one.
/// Turns get kept connector clients (<see cref="ConnectorClientCache"/>) and a user-token client built only if used.
/// </summary>
public sealed class BotConnectorAuthentication(
    IConfiguration configuration, IHttpClientFactory httpClientFactory, ConnectorClientCache clients, ILogger<BotConnectorAuthentication> logger)
    : ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: httpClientFactory, logger: logger)
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(
        Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        try
        {
            var result = await base.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
            result.ConnectorFactory = clients.Wrap(result.ConnectorFactory, result.ClaimsIdentity);
            return result;
        }
        catch (Exception exception) when (exception is SecurityTokenException or ArgumentException)
        {
            throw new UnauthorizedAccessException(exception.Message, exception);
        }
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(
        string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await base.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        }
        catch (Exception exception) when (exception is SecurityTokenException or ArgumentException)
        {
            throw new UnauthorizedAccessException(exception.Message, exception);
        }
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        clients.Wrap(base.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => base.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));
}
