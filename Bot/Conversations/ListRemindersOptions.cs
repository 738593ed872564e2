namespace CrmBot.Conversations;

/// <summary>
/// "Done 2" / "cancel reminder 2": the number, in the list of open reminders, of the one to complete or cancel
/// straight away; neither: show the list.
/// </summary>
public sealed record ListRemindersOptions(int? Complete = null, int? Cancel = null);
