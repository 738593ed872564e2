namespace CrmBot.Dialogs;

/// <summary>What a dialog operation left behind: whether dialogs still wait and, when one ended, its result.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
