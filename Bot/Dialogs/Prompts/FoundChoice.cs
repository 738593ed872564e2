namespace CrmBot.Dialogs;

/// <summary>The choice a user picked: its value and its position (from 0) in the prompt's choices.</summary>
public sealed record FoundChoice(string Value, int Index);
