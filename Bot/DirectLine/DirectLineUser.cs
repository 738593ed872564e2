using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using CrmBot.Domain.WebChat;

namespace CrmBot.DirectLine;

/// <summary>
/// Whom a Direct Line conversation belongs to: an anonymous visitor (<c>dl_...</c>), or, in a token the secret
/// minted, a customer (<c>customer:&lt;id&gt;</c>) or a sales rep (<c>rep:&lt;id&gt;</c>) of the CRM.
/// </summary>
public sealed record DirectLineUser(string Id, string? Name, Guid? CustomerId = null, Guid? RepId = null)
{
    public const string CustomerPrefix = "customer:";
    public const string RepPrefix = "rep:";

    public static DirectLineUser NewVisitor() => new($"dl_{NewId()}", null);

    /// <summary>An unguessable id (128 random bits, base64url) for visitors and conversations.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Reads the user id a site asks a token for; ids without a CRM prefix stay visitors of the site's naming.</summary>
    public static bool TryParse(string? id, string? name, [NotNullWhen(true)] out DirectLineUser? user)
    {
        user = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > DirectLineConversation.UserIdMaxLength || id.Any(char.IsControl)
            || name?.Length > DirectLineConversation.UserNameMaxLength)
        {
            return false;
        }

        if (id.StartsWith(CustomerPrefix, StringComparison.Ordinal))
        {
            if (Guid.TryParse(id.AsSpan(CustomerPrefix.Length), out var customer))
            {
                user = new(id, name, CustomerId: customer);
            }
        }
        else if (id.StartsWith(RepPrefix, StringComparison.Ordinal))
        {
            if (Guid.TryParse(id.AsSpan(RepPrefix.Length), out var rep))
            {
                user = new(id, name, RepId: rep);
            }
        }
        else
        {
            user = new(id, name);
        }

        return user is not null;
    }
}
