using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CrmBot.Api;

/// <summary>Making API keys and hashing them. Keys are 256 random bits, so a plain SHA-256 is enough to keep them out of configuration.</summary>
public static class ApiKey
{
    /// <summary>The header a client sends its key in.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The authentication scheme's name, also the OpenAPI security scheme's.</summary>
    public const string Scheme = "ApiKey";

    private const string Prefix = "crm_";

    /// <summary>A fresh random key, e.g. crm_3q2x...; shown once, to be given to the client.</summary>
    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the key, as 64 lower-case hex digits (the form configuration holds).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(HashBytes(key));

    internal static byte[] HashBytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
