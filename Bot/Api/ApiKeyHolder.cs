namespace CrmBot.Api;

/// <summary>Who an API key belongs to, and its scopes.</summary>
public sealed record ApiKeyHolder(string Name, IReadOnlyList<string> Scopes);
