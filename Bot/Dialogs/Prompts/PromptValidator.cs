namespace CrmBot.Dialogs;

/// <summary>
/// Decides whether a prompt accepts the user's answer. A validator that sends its own message replaces the
/// prompt's retry.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
