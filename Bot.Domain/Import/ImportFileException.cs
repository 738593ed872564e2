namespace CrmBot.Domain.Import;

/// <summary>An import file cannot be read at all (missing, or without a column it needs): nothing is imported.</summary>
public sealed class ImportFileException(string message) : Exception(message);
