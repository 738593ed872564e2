using Newtonsoft.Json;

namespace CrmBot.Dialogs;

/// <summary>One dialog on the stack: which dialog, the version it began with, and its persisted state.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    /// <summary>
    /// <see cref="Dialog.Version"/> when the instance began. A different version on a later turn means a deploy
    /// changed the dialog under the waiting conversation, which then starts over instead of failing.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>
    /// The dialog's own state. Values come back from storage as JSON shapes (JObject, long ...), not as the types
    /// that were stored: read them with <see cref="DialogStateExtensions.GetValue{T}"/>. Store plain data of types
    /// JSON can recreate (strings, numbers, records, arrays, List and Dictionary), not anonymous types or what a
    /// collection expression makes for an interface: storages that record type names could not read those back.
    /// A component's inner stack is the exception: it is read back as a <see cref="DialogState"/>.
    /// </summary>
    [JsonConverter(typeof(DialogInstanceStateConverter))]
    public IDictionary<string, object?> State { get; init; } = new Dictionary<string, object?>();
}
