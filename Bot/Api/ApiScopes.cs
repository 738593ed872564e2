namespace CrmBot.Api;

/// <summary>What an API key may do, and the authorization policies that require it.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>The claim type that carries a key's scopes.</summary>
    public const string ClaimType = "scope";

    public const string ReadPolicy = "api.read";
    public const string WritePolicy = "api.write";

    public static IReadOnlyList<string> All { get; } = [Read, Write];

    /// <summary>The scope a policy of this API requires, or null for another policy.</summary>
    public static string? OfPolicy(string? policy) => policy switch
    {
        ReadPolicy => Read,
        WritePolicy => Write,
        _ => null,
    };
}
