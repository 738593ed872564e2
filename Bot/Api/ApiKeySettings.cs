namespace CrmBot.Api;

/// <summary>One API key as configured: the SHA-256 of the key (never the key itself) and what it may do.</summary>
public sealed class ApiKeySettings
{
    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits, as <c>api new-key</c> prints it.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary><see cref="ApiScopes.Read"/> and/or <see cref="ApiScopes.Write"/>.</summary>
    public List<string> Scopes { get; set; } = [];
}
