namespace CrmBot.Domain.Persistence;

/// <summary>
/// A JSON document stored under a key with an eTag: the bot's conversation and user state. The eTag
/// changes on every write, so two writers that read the same version cannot both win.
/// </summary>
public sealed class StoredState
{
    public const int KeyMaxLength = 1024;

    public required string Key { get; init; }

    public required string ETag { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
