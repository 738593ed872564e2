using CrmBot.Channels;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CrmBot.Tests.Channels;

public sealed class LazyUserTokenClientTests
{
    private int _created;
    private readonly List<RecordingClient> _clients = [];

    [Fact]
    public void ATurnThatSignsNobodyInBuildsNoClient()
    {
        using (Lazy())
        {
        }

        Assert.Equal(0, _created);
    }

    [Fact]
    public async Task TheFirstUseBuildsTheClientWhichTheTurnsCallsShareAndItsEndDisposes()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var client = Lazy())
        {
            var token = await client.GetUserTokenAsync("user-1", "crm", "msteams", "123456", ct);
            await client.SignOutUserAsync("user-1", "crm", "msteams", ct);

            Assert.Equal("token for user-1 on crm", token.Token);
        }

        Assert.Equal(1, _created);
        var created = Assert.Single(_clients);
        Assert.Equal(["GetUserToken user-1 crm msteams 123456", "SignOutUser user-1 crm msteams"], created.Calls);
        Assert.True(created.Disposed);
    }

    [Fact]
    public async Task AClientThatCouldNotBeBuiltIsTriedAgainOnTheNextCall()
    {
        var ct = TestContext.Current.CancellationToken;
        var fail = true;
        using var client = new LazyUserTokenClient(() => fail ? Task.FromException<UserTokenClient>(new HttpRequestException("no token service")) : Create());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetUserTokenAsync("user-1", "crm", "msteams", "", ct));
        fail = false;
        var token = await client.GetUserTokenAsync("user-1", "crm", "msteams", "", ct);

        Assert.Equal("token for user-1 on crm", token.Token);
    }

    private LazyUserTokenClient Lazy() => new(Create);

    private Task<UserTokenClient> Create()
    {
        _created++;
        var client = new RecordingClient();
        _clients.Add(client);
        return Task.FromResult<UserTokenClient>(client);
    }

    private sealed class RecordingClient : UserTokenClient
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        {
            Calls.Add($"GetUserToken {userId} {connectionName} {channelId} {magicCode}");
            return Task.FromResult(new TokenResponse { Token = $"token for {userId} on {connectionName}" });
        }

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        {
            Calls.Add($"SignOutUser {userId} {connectionName} {channelId}");
            return Task.CompletedTask;
        }

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
