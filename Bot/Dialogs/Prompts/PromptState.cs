using Newtonsoft.Json;

namespace CrmBot.Dialogs;

internal static class PromptState
{
    public const string OptionsKey = "options";
    public const string StateKey = "state";
    public const string AttemptCountKey = "attemptCount";
    public const string TranslationsKey = "translations";

    // As in DatabaseStorage: no type names, null properties left out.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>
    /// The options as stored with the prompt: JSON text. Every turn of a waiting prompt loads, compares and saves the
    /// conversation's state, and options held as objects (a question with a page of product cards is 3 KB) were
    /// turned to and from JSON trees five times a turn; as text they are copied, and read once when the prompt needs them.
    /// </summary>
    public static string Store(PromptOptions options) => JsonConvert.SerializeObject(options, Settings);

    /// <summary>A new copy of the stored options, the caller's to change (sending an activity fills it in).</summary>
    public static PromptOptions Options(DialogInstance instance)
    {
        if (instance.State.TryGetValue(OptionsKey, out var stored) && stored is string json)
        {
            try
            {
                return JsonConvert.DeserializeObject<PromptOptions>(json, Settings)
                    ?? throw new DialogStateOutdatedException($"The prompt '{instance.Id}' has no options.");
            }
            catch (JsonException exception)
            {
                throw new DialogStateOutdatedException($"The stored options of the prompt '{instance.Id}' no longer read as PromptOptions.", exception);
            }
        }

        // Saved before the options were kept as text: read once as an object, kept as text from now on.
        var options = instance.State.GetValue<PromptOptions>(OptionsKey)
            ?? throw new DialogStateOutdatedException($"The prompt '{instance.Id}' has no options.");
        instance.State[OptionsKey] = Store(options);
        return options;
    }
}
