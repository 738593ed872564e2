using System.Security.Claims;
using CrmBot.Channels;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace CrmBot.Tests.Channels;

public sealed class ConnectorClientCacheTests : IDisposable
{
    private static readonly ClaimsIdentity Anonymous = new();

    private readonly ConnectorClientCache _cache = new();
    private readonly CountingFactory _factory = new();

    [Fact]
    public async Task TurnsToTheSameChannelShareOneClientThatOutlivesEachTurn()
    {
        var first = await CreateAsync(Anonymous, "https://channel.example.test/");
        var client = first.Conversations;
        first.Dispose();
        var second = await CreateAsync(Anonymous, "https://channel.example.test/");

        Assert.Equal(1, _factory.Created);
        Assert.Same(client, second.Conversations);
        Assert.False(_factory.Clients[0].Disposed);
    }

    [Fact]
    public async Task EachServiceUrlAudienceAndAppIdHasItsOwnClient()
    {
        var bot = new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, "bot-app-id")]);

        var anonymous = await CreateAsync(Anonymous, "https://channel.example.test/");
        var otherChannel = await CreateAsync(Anonymous, "https://smba.example.test/");
        var otherAudience = await CreateAsync(Anonymous, "https://channel.example.test/", "https://skill.example.test");
        var authenticated = await CreateAsync(bot, "https://channel.example.test/");

        Assert.Equal(4, _factory.Created);
        Assert.Equal(
            ["https://channel.example.test/", "https://smba.example.test/", "https://channel.example.test/", "https://channel.example.test/"],
            [anonymous.BaseUri.ToString(), otherChannel.BaseUri.ToString(), otherAudience.BaseUri.ToString(), authenticated.BaseUri.ToString()]);
    }

    [Fact]
    public async Task ManyServiceUrlsStillGetClientsWhileTheKeptOnesStayBounded()
    {
        var count = ConnectorClientCache.Capacity * 2;
        for (var i = 0; i < count; i++)
        {
            var client = await CreateAsync(Anonymous, $"https://channel-{i}.example.test/");
            Assert.Equal($"https://channel-{i}.example.test/", client.BaseUri.ToString());
        }

        // All of them again: at most Capacity were kept, so at least the others are built anew.
        for (var i = 0; i < count; i++)
        {
            await CreateAsync(Anonymous, $"https://channel-{i}.example.test/");
        }

        Assert.InRange(_factory.Created, 2 * count - ConnectorClientCache.Capacity, 2 * count);
    }

    public void Dispose() => _cache.Dispose();

    private Task<IConnectorClient> CreateAsync(ClaimsIdentity identity, string serviceUrl, string? audience = null) =>
        _cache.Wrap(_factory, identity).CreateAsync(serviceUrl, audience!, TestContext.Current.CancellationToken);

    private sealed class CountingFactory : ConnectorFactory
    {
        public List<TrackedClient> Clients { get; } = [];

        public int Created => Clients.Count;

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = new TrackedClient(new Uri(serviceUrl));
            lock (Clients)
            {
                Clients.Add(client);
            }

            return Task.FromResult<IConnectorClient>(client);
        }
    }

    private sealed class TrackedClient(Uri serviceUrl) : ConnectorClient(serviceUrl, MicrosoftAppCredentials.Empty)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
