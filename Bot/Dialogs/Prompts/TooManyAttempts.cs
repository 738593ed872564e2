namespace CrmBot.Dialogs;

/// <summary>
/// The result of a prompt that gave up after <see cref="PromptOptions.MaxAttempts"/> answers it could not accept
/// (the user was told). The step after it decides what happens next.
/// </summary>
public sealed record TooManyAttempts(string PromptId, int Attempts);
