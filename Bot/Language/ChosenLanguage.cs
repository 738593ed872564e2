namespace CrmBot.Language;

/// <summary>
/// What a conversation's state remembers of the language asked for: the culture name the user switched to, or null
/// when they never did. Its presence also says the user's own remembered choice was already looked up.
/// </summary>
public sealed record ChosenLanguage(string? Culture);
