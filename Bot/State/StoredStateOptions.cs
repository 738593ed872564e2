namespace CrmBot.State;

/// <summary>How <see cref="DatabaseStorage"/> reads stored state.</summary>
public sealed class StoredStateOptions
{
    /// <summary>
    /// State properties read straight into their type, by name. Any other property is read as JSON that BotState
    /// converts when it is asked for, which for the dialog stack (read, and hashed to detect a change, on every turn)
    /// means building a JSON tree and converting it each turn.
    /// </summary>
    public Dictionary<string, Type> PropertyTypes { get; } = new(StringComparer.Ordinal);
}
