namespace CrmBot.Conversations;

/// <summary>"Done 2": the number, in the list of open reminders, of the one to complete straight away; null: show the list.</summary>
public sealed record ListRemindersOptions(int? Complete = null);
