using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmBot.Tests.Dialogs;

/// <summary>
/// State kept as JSON text without type names, as the project's database storage keeps it: whatever is read back
/// is a JObject and every number a long, so nothing survives a turn that does not survive JSON. (MemoryStorage
/// keeps CLR types and would hide that.)
/// </summary>
internal sealed class JsonTextStorage : IStorage
{
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };

    private readonly ConcurrentDictionary<string, string> _items = new();

    public IReadOnlyCollection<string> Keys => [.. _items.Keys];

    public string this[string key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> items = keys
            .Where(_items.ContainsKey)
            .ToDictionary(key => key, key => (object)JObject.Parse(_items[key]));
        return Task.FromResult(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, item) in changes)
        {
            _items[key] = JsonConvert.SerializeObject(item, Settings);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
