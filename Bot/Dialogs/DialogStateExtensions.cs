using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CrmBot.Dialogs;

public static class DialogStateExtensions
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create();

    /// <summary>
    /// Reads a value of dialog state as <typeparamref name="T"/>, whatever shape the storage gave it back in: the
    /// object itself within the turn that stored it, a JObject or a long after a JSON round trip. A converted
    /// value replaces the stored one, so changes made to it are the ones saved. Missing or null: default.
    /// </summary>
    /// <exception cref="DialogStateOutdatedException">The stored value no longer fits <typeparamref name="T"/>.</exception>
    public static T? GetValue<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var converted = ConvertTo<T>(value, key);
        state[key] = converted;
        return converted;
    }

    internal static T? ConvertTo<T>(object value, string what)
    {
        try
        {
            var token = value as JToken ?? JToken.FromObject(value, Serializer);
            return token.ToObject<T>(Serializer);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new DialogStateOutdatedException($"The stored '{what}' no longer reads as {typeof(T).Name}.", exception);
        }
    }
}
