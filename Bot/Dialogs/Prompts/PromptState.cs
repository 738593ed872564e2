using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CrmBot.Dialogs;

internal static class PromptState
{
    public const string OptionsKey = "options";
    public const string StateKey = "state";
    public const string AttemptCountKey = "attemptCount";
    public const string TranslationsKey = "translations";
    public const string ActivitiesKey = "activities";

    // As in DatabaseStorage: no type names, null properties left out.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>
    /// Keeps the options with the prompt as JSON text, the activities apart from the rest. Every turn of a waiting
    /// prompt loads, compares and saves the conversation's state: options held as objects (a question with a page of
    /// product cards is 3 KB) were turned to and from JSON trees five times a turn; as text they are copied, and read
    /// when needed. Most answers need only the choices and validations, not the activities.
    /// </summary>
    public static void Store(DialogInstance instance, PromptOptions options)
    {
        instance.State[OptionsKey] = JsonConvert.SerializeObject(options.WithTexts(null, null, null), Settings);
        instance.State[ActivitiesKey] = JsonConvert.SerializeObject(new PromptActivities(options.Prompt, options.RetryPrompt, options.Help), Settings);
    }

    /// <summary>
    /// A new copy of the stored options, the caller's to change (sending an activity fills it in); without its question,
    /// retry prompt and help unless <paramref name="withActivities"/>.
    /// </summary>
    public static PromptOptions Options(DialogInstance instance, bool withActivities)
    {
        if (!instance.State.TryGetValue(OptionsKey, out var stored) || stored is not string json)
        {
            // Saved before the options were kept as text: read once as an object, kept as text from now on.
            var saved = instance.State.GetValue<PromptOptions>(OptionsKey)
                ?? throw new DialogStateOutdatedException($"The prompt '{instance.Id}' has no options.");
            Store(instance, saved);
            json = (string)instance.State[OptionsKey]!;
        }

        var options = Read<PromptOptions>(instance, json);
        return withActivities && instance.State.GetValue<string>(ActivitiesKey) is { } activities
            && Read<PromptActivities>(instance, activities) is var (prompt, retryPrompt, help)
            ? options.WithTexts(prompt, retryPrompt, help)
            : options;
    }

    private static T Read<T>(DialogInstance instance, string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings)
                ?? throw new DialogStateOutdatedException($"The prompt '{instance.Id}' has no {typeof(T).Name}.");
        }
        catch (JsonException exception)
        {
            throw new DialogStateOutdatedException($"The stored {typeof(T).Name} of the prompt '{instance.Id}' can no longer be read.", exception);
        }
    }

    private sealed record PromptActivities(Activity? Prompt, Activity? RetryPrompt, Activity? Help);
}
