namespace CrmBot.Domain.Common;

/// <summary>Something the request names does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string what, string key)
    : DomainException("not_found", $"{what} '{key}' was not found.")
{
    public string What { get; } = what;
    public string Key { get; } = key;
}
