namespace CrmBot.Dialogs;

internal static class PromptState
{
    public const string OptionsKey = "options";
    public const string StateKey = "state";
    public const string AttemptCountKey = "attemptCount";
    public const string TranslationsKey = "translations";
}
