using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmBot.DirectLine;

/// <summary>A token and the seconds it lives, as Direct Line answers them (<c>token</c>, <c>expires_in</c>).</summary>
public sealed record IssuedToken(string Token, int ExpiresIn);

/// <summary>What a presented token proves: nothing, an expired grant, or one conversation and its user.</summary>
public abstract record TokenCheck
{
    public sealed record Valid(string ConversationId, DirectLineUser User) : TokenCheck;

    public sealed record Expired : TokenCheck;

    public sealed record Invalid : TokenCheck;
}

/// <summary>
/// Signs and checks the Direct Line tokens the bot hands out: JWTs (HMAC-SHA256) that bind one conversation and
/// its user (whose id says whether they are a visitor, a customer or a rep) and expire after DirectLine:TokenLifetime.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, DirectLineSigningKey key, TimeProvider clock)
{
    private const string Issuer = "crmbot-directline";
    private const string ConversationClaim = "conv";

    // Web Chat reads the user id from a Direct Line token's "user" claim and otherwise replaces a dl_ id with a random one.
    private const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(string conversationId, DirectLineUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id,
            [UserClaim] = user.Id,
            [ConversationClaim] = conversationId,
        };
        if (user.Name is { } name)
        {
            claims[JwtRegisteredClaimNames.Name] = name;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    public async Task<TokenCheck> CheckAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // The lifetime is checked below against the app's clock, which tests can move.
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return new TokenCheck.Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now)
        {
            return new TokenCheck.Expired();
        }

        if (jwt.ValidFrom > now)
        {
            return new TokenCheck.Invalid();
        }

        var claims = result.ClaimsIdentity;
        var conversation = claims.FindFirst(ConversationClaim)?.Value;
        var user = UserOf(claims);
        return conversation is null || user is null ? new TokenCheck.Invalid() : new TokenCheck.Valid(conversation, user);
    }

    private static DirectLineUser? UserOf(ClaimsIdentity claims)
    {
        var id = claims.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var name = claims.FindFirst(JwtRegisteredClaimNames.Name)?.Value;
        return DirectLineUser.TryParse(id, name, out var user) ? user : null;
    }
}
