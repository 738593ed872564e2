namespace CrmBot.Domain.Common;

/// <summary>Someone else changed the same record first; the caller should reload and try again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null)
    : DomainException("concurrency_conflict", message)
{
    public Exception? Cause { get; } = inner;
}
