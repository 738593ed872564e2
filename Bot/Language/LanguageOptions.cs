namespace CrmBot.Language;

/// <summary>The languages CrmBot answers in; bound from the "Language" configuration section.</summary>
public sealed class LanguageOptions
{
    public const string Section = "Language";

    /// <summary>The culture of a turn whose locale is missing or not supported.</summary>
    public string DefaultCulture { get; set; } = "en";

    /// <summary>
    /// The cultures the bot answers in; none configured means English and Chinese. (No default list here: the
    /// configuration binder would add the configured ones to it, and a configured ["en"] could not turn Chinese off.)
    /// </summary>
    public IReadOnlyList<string> SupportedCultures { get; set; } = [];
}
