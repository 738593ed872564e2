using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CrmBot.Api;

/// <summary>The configured keys, by hash: finds who sent a key without ever holding a key in plain text.</summary>
public sealed class ApiKeyRing(IOptionsMonitor<ApiOptions> options)
{
    private (ApiOptions Source, IReadOnlyList<Entry> Entries)? _cache;

    /// <summary>The name and scopes of the key, or null when it is not one of ours.</summary>
    public ApiKeyHolder? Find(string key)
    {
        var presented = ApiKey.HashBytes(key);
        ApiKeyHolder? found = null;

        // Every hash is compared, each in constant time, so the time taken says nothing about which (if any) matched.
        foreach (var entry in Entries())
        {
            if (CryptographicOperations.FixedTimeEquals(presented, entry.Hash))
            {
                found = entry.Holder;
            }
        }

        return found;
    }

    private IReadOnlyList<Entry> Entries()
    {
        var current = options.CurrentValue;
        var cache = _cache;
        if (cache is { } known && ReferenceEquals(known.Source, current))
        {
            return known.Entries;
        }

        var entries = current.Keys
            .Select(k => new Entry(Convert.FromHexString(k.Value.Hash), new ApiKeyHolder(k.Key, [.. k.Value.Scopes.Select(s => s.Trim().ToLowerInvariant())])))
            .ToList();
        _cache = (current, entries);
        return entries;
    }

    private sealed record Entry(byte[] Hash, ApiKeyHolder Holder);
}
