using CrmBot.Domain.Persistence;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmBot.State;

/// <summary>
/// Bot state (conversation and user state) in the project's database, so it survives restarts and is
/// shared by every instance. Items are stored as JSON, as Bot Framework's own storages do, with an
/// eTag for optimistic concurrency:
/// <list type="bullet">
/// <item>an item that carries the eTag it was read with is written only if nobody wrote since;</item>
/// <item>an item without an eTag is new, and is written only if the key does not exist yet;</item>
/// <item>the eTag "*" writes unconditionally.</item>
/// </list>
/// A lost race raises <see cref="StorageConflictException"/> and writes nothing.
/// </summary>
public sealed class DatabaseStorage(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock, IOptions<StoredStateOptions>? options = null) : IStorage
{
    private const string ETagProperty = "ETag";

    // No type names in stored JSON: they would let stored data choose which types get created. Null properties are
    // left out (they read back as null): a waiting prompt keeps whole activities, most of whose forty-odd fields are
    // null, and every turn reads, parses and writes the state (2.4 KB instead of 0.9 for a prompt for an email).
    // Null values of dictionaries, such as a dialog's step values, are still written.
    private static readonly JsonSerializer Serializer = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        NullValueHandling = NullValueHandling.Ignore,
    };

    // No line numbers: they serve error messages about JSON files, and cost an annotation on every token of every read.
    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    // As BotState converts a property when asked for it (JToken.ToObject with the default serializer).
    private static readonly JsonSerializer TypedReader = JsonSerializer.CreateDefault();

    private static readonly CompiledQuery<Func<CrmDbContext, string, CancellationToken, Task<StoredState?>>> ByKey = new(() =>
        EF.CompileAsyncQuery((CrmDbContext db, string key, CancellationToken ct) => db.StoredStates.AsNoTracking().FirstOrDefault(s => s.Key == key)));

    private readonly Dictionary<string, Type> _propertyTypes = options?.Value.PropertyTypes ?? [];

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys is [var key])
        {
            // A turn reads one key (its conversation's state): a compiled query for that one key.
            var (item, _) = await ReadItemAsync(key, cancellationToken);
            return item is null ? new Dictionary<string, object>() : new Dictionary<string, object> { [key] = item };
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StoredStates.AsNoTracking().Where(s => keys.Contains(s.Key)).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Key, row => (object)Item(row));
    }

    /// <summary>The item stored under <paramref name="key"/> and the JSON text it was stored as; nulls when there is none.</summary>
    internal async Task<(Dictionary<string, object>? Item, string? Json)> ReadItemAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ByKey.For(db)(db, key, ct) is { } row ? (Item(row), row.Json) : (null, null);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var items = new List<(string Key, object Item, string Json)>(changes.Count);
        foreach (var (key, item) in changes)
        {
            ArgumentNullException.ThrowIfNull(item, key);
            items.Add((key, item, Serialize(item)));
        }

        return WriteAsync(items, cancellationToken);
    }

    /// <summary>Writes one item whose JSON text (<see cref="Serialize"/>) the caller already has, as <see cref="WriteAsync(IDictionary{string, object}, CancellationToken)"/> would.</summary>
    internal Task WriteItemAsync(string key, object item, string json, CancellationToken ct) => WriteAsync([(key, item, json)], ct);

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoredStates.Where(s => keys.Contains(s.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task WriteAsync(List<(string Key, object Item, string Json)> items, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // One item with its eTag, or a new one, is written by a single statement, which needs no transaction of its own:
        // a turn saves its conversation's state alone (BEGIN and COMMIT took about 15 of its 140 us).
        await using var transaction = items is [var only] && ETagOf(only.Item) != "*"
            ? null
            : await db.Database.BeginTransactionAsync(ct);
        var written = new List<(object Item, string ETag)>(items.Count);
        foreach (var (key, item, json) in items)
        {
            written.Add((item, await WriteOneAsync(db, key, ETagOf(item), json, ct)));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        // The items now stand for the stored version: a second save in the same turn must not conflict with the first.
        foreach (var (item, eTag) in written)
        {
            SetETag(item, eTag);
        }
    }

    private async Task<string> WriteOneAsync(CrmDbContext db, string key, string? expected, string json, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || key.Length > StoredState.KeyMaxLength)
        {
            throw new ArgumentException($"A state key must have 1 to {StoredState.KeyMaxLength} characters.", nameof(key));
        }

        var eTag = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        if (expected is not null)
        {
            var updated = await StoredStateUpdate.RunAsync(db, key, expected, json, eTag, now, ct);
            if (updated == 1)
            {
                return eTag;
            }

            if (expected != "*")
            {
                throw new StorageConflictException(key);
            }
        }

        try
        {
            db.StoredStates.Add(new StoredState { Key = key, ETag = eTag, Json = json, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
            return eTag;
        }
        catch (DbUpdateException)
        {
            // The key exists: another turn created it first.
            throw new StorageConflictException(key);
        }
    }

    private Dictionary<string, object> Item(StoredState row)
    {
        var item = Parse(row.Json);
        item[ETagProperty] = row.ETag;
        return item;
    }

    /// <summary>
    /// An item as BotState keeps it, a dictionary of its properties' JSON (or, for <see cref="StoredStateOptions.PropertyTypes"/>,
    /// of the typed value), so that BotState need not copy a JObject into one. Strings that look like dates stay
    /// strings: the dialog state decides what its values are.
    /// </summary>
    private Dictionary<string, object> Parse(string json)
    {
        try
        {
            return Parse(json, _propertyTypes);
        }
        catch (JsonException) when (_propertyTypes.Count > 0)
        {
            // A property that no longer reads as its type is left as JSON, for its owner to find out and start afresh
            // (the dialogs restart a conversation whose stack no longer reads).
            return Parse(json, []);
        }
    }

    private static Dictionary<string, object> Parse(string json, Dictionary<string, Type> types)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonReaderException("Stored state is not a JSON object.");
        }

        var item = new Dictionary<string, object>();
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            item[name] = types.TryGetValue(name, out var type) && reader.TokenType != JsonToken.Null
                ? TypedReader.Deserialize(reader, type)!
                : JToken.ReadFrom(reader, LoadSettings);
        }

        return item;
    }

    /// <summary>The item's JSON without its eTag, which is stored in a column of its own.</summary>
    internal static string Serialize(object item)
    {
        if (item is IDictionary<string, object> dictionary)
        {
            // Written straight to text: building a JObject first doubled the work of every turn's save.
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Serializer.Serialize(text, dictionary.Where(pair => pair.Key != ETagProperty).ToDictionary());
            return text.ToString();
        }

        var json = JObject.FromObject(item, Serializer);
        json.Remove(ETagProperty);
        return json.ToString(Formatting.None);
    }

    private static string? ETagOf(object item) => item switch
    {
        IStoreItem storeItem => storeItem.ETag,
        JObject json => json.Value<string>(ETagProperty),
        IDictionary<string, object> dictionary => dictionary.TryGetValue(ETagProperty, out var value) ? value?.ToString() : null,
        _ => null,
    };

    private static void SetETag(object item, string eTag)
    {
        switch (item)
        {
            case IStoreItem storeItem:
                storeItem.ETag = eTag;
                break;
            case JObject json:
                json[ETagProperty] = eTag;
                break;
            case IDictionary<string, object> dictionary when !dictionary.IsReadOnly:
                dictionary[ETagProperty] = eTag;
                break;
        }
    }
}
