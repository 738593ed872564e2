using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace CrmBot.Channels;

/// <summary>
/// Connector clients kept for reuse, one per app id, service URL and audience, as the Bot Framework's older
/// BotFrameworkAdapter kept them. CloudAdapter builds a client for every activity, and building one is costly (its
/// user-agent set-up parses regular expressions and reads assembly attributes: more than half of what an
/// expectReplies turn of a bare echo bot allocated). A kept client also keeps its credentials' token between turns.
/// </summary>
public sealed class ConnectorClientCache : IDisposable
{
    /// <summary>Service URLs come from the activities, so without authentication anyone can name new ones: kept clients are bounded.</summary>
    public const int Capacity = 256;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) };

    private readonly MemoryCache _clients = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The factory CloudAdapter uses, made to hand out kept clients.</summary>
    public ConnectorFactory Wrap(ConnectorFactory factory, ClaimsIdentity identity) => new Factory(this, factory, AppIdOf(identity));

    public void Dispose() => _clients.Dispose();

    private async Task<IConnectorClient> GetAsync(ConnectorFactory factory, string? appId, string serviceUrl, string? audience, CancellationToken ct)
    {
        var key = (appId, serviceUrl, audience);
        if (!_clients.TryGetValue(key, out IConnectorClient? client))
        {
            // Two turns that miss together both build one and the last stays: a rare, harmless extra client. An
            // evicted client is not disposed, as a turn may still be sending with it; its HttpClient comes from
            // IHttpClientFactory, which owns the connections.
            client = new KeptConnectorClient(await factory.CreateAsync(serviceUrl, audience, ct));
            _clients.Set(key, client, Entry);
        }

        return client!;
    }

    // The app id the Bot Framework's own factory gives its clients' credentials: the token's audience, else its appid.
    private static string? AppIdOf(ClaimsIdentity identity) =>
        identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value;

    private sealed class Factory(ConnectorClientCache cache, ConnectorFactory inner, string? appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            cache.GetAsync(inner, appId, serviceUrl, audience, cancellationToken);
    }
}
