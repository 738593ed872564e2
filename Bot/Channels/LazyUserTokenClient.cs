using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace CrmBot.Channels;

/// <summary>
/// The user-token client CloudAdapter gives every turn, built when the turn first uses it (a sign-in flow) rather
/// than for every activity: building one is as costly as building a connector client, and CrmBot's turns do not
/// sign users in through the Bot Framework token service.
/// </summary>
internal sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private Task<UserTokenClient>? _client;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await ClientAsync()).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await ClientAsync()).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await ClientAsync()).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await ClientAsync()).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await ClientAsync()).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await ClientAsync()).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _client is { IsCompletedSuccessfully: true } created)
        {
            created.Result.Dispose();
        }

        base.Dispose(disposing);
    }

    // A turn's calls come one after another; a failed creation is tried again on the next call.
    private Task<UserTokenClient> ClientAsync() =>
        _client is { IsFaulted: false, IsCanceled: false } client ? client : _client = create();
}
