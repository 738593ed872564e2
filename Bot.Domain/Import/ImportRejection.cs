namespace CrmBot.Domain.Import;

/// <summary>A row the import skipped, and why, in words for the person who fixes the file.</summary>
public sealed record ImportRejection(string File, int Line, string Reason);
