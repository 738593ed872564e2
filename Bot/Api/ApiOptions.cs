namespace CrmBot.Api;

/// <summary>The REST API's settings (section "Api"): who may call it, and how often.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The API keys, by name: the name is who the audit trail says made a change (e.g. "api:shop").</summary>
    public Dictionary<string, ApiKeySettings> Keys { get; set; } = new(StringComparer.Ordinal);

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}
