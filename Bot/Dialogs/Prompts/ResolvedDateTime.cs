namespace CrmBot.Dialogs;

/// <summary>
/// A moment a user named, in their time zone. <see cref="HasTime"/> is false for a day alone ("tomorrow"),
/// whose <see cref="Value"/> is then the start of the day; <see cref="Timex"/> is the recognizer's TIMEX
/// expression ("2026-11-26T10"), for whoever needs the exact shape of what was said.
/// </summary>
public sealed record ResolvedDateTime(DateTimeOffset Value, bool HasTime, string Timex);
