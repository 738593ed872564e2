using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrmBot.DirectLine;

/// <summary>What the caller's <c>Authorization: Bearer ...</c> grants: the secret (every conversation) or one token's conversation.</summary>
public abstract record DirectLineGrant
{
    public sealed record Secret : DirectLineGrant;

    public sealed record Token(string ConversationId, DirectLineUser User) : DirectLineGrant;

    public bool Covers(string conversationId) => this is Secret || (this is Token token && token.ConversationId == conversationId);
}

/// <summary>Reads the grant of a request, or the Direct Line error to answer with.</summary>
public sealed class DirectLineGrants(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    public async Task<(DirectLineGrant? Grant, IResult? Error)> ReadAsync(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            return (null, DirectLineError.Unauthorized("Send the Direct Line secret or a token as 'Authorization: Bearer <secret or token>'."));
        }

        var credential = header[scheme.Length..].Trim();
        if (IsSecret(credential))
        {
            return (new DirectLineGrant.Secret(), null);
        }

        return await tokens.CheckAsync(credential) switch
        {
            TokenCheck.Valid valid => (new DirectLineGrant.Token(valid.ConversationId, valid.User), null),
            TokenCheck.Expired => (null, DirectLineError.TokenExpired()),
            _ => (null, DirectLineError.Forbidden("The token or secret is not valid here.")),
        };
    }

    private bool IsSecret(string credential)
    {
        var secret = options.Value.Secret;
        return secret.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(secret));
    }
}
