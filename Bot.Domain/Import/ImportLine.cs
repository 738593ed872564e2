namespace CrmBot.Domain.Import;

/// <summary>A record of an import file with the line it starts on: its values, or why they could not be read.</summary>
internal sealed record ImportLine<TRow>(int Number, TRow? Row, string? Error);
