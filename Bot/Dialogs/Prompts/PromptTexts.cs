using CrmBot.Language;
using Microsoft.Bot.Schema;

namespace CrmBot.Dialogs;

/// <summary>
/// A prompt's question, retry prompt and help in another language (see <see cref="TranslatableText"/>), kept with the
/// prompt so that it is asked in the language the user switched to.
/// </summary>
public sealed record PromptTexts(string? Prompt, string? RetryPrompt, string? Help)
{
    /// <summary>The texts of <paramref name="options"/> in each other language of the turn, by culture name.</summary>
    public static Dictionary<string, PromptTexts> Translate(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prompt = Translations(options.Prompt);
        var retry = Translations(options.RetryPrompt);
        var help = Translations(options.Help);
        return prompt.Keys.Union(retry.Keys).Union(help.Keys).ToDictionary(
            culture => culture, culture => new PromptTexts(prompt.GetValueOrDefault(culture), retry.GetValueOrDefault(culture), help.GetValueOrDefault(culture)));
    }

    /// <summary><paramref name="options"/> with these texts instead of its own, where there is one.</summary>
    public PromptOptions Apply(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WithTexts(With(options.Prompt, Prompt), With(options.RetryPrompt, RetryPrompt), With(options.Help, Help));
    }

    private static Dictionary<string, string> Translations(Activity? activity) =>
        activity?.Text is { Length: > 0 } text ? TranslatableText.Translate(text) : [];

    private static Activity? With(Activity? activity, string? text)
    {
        if (activity is null || text is null)
        {
            return activity;
        }

        var copy = ActivityCopy.Of(activity);
        copy.Text = text;
        copy.Speak = null;
        return copy;
    }
}
