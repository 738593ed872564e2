namespace CrmBot.State;

/// <summary>Another turn saved the same state first (its eTag no longer matches); the write changed nothing.</summary>
public sealed class StorageConflictException(string key) : Exception($"The state '{key}' was changed by another turn since it was read.")
{
    public string Key { get; } = key;
}
