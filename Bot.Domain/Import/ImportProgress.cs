namespace CrmBot.Domain.Import;

/// <summary>How far the import is in a file: rows read of about <see cref="Rows"/> (its lines less the header).</summary>
public sealed record ImportProgress(string File, int Read, int Rows);
