namespace CrmBot.Language;

/// <summary>The languages CrmBot answers in; bound from the "Language" configuration section.</summary>
public sealed class LanguageOptions
{
    public const string Section = "Language";

    /// <summary>The culture of a turn whose locale is missing or not supported.</summary>
    public string DefaultCulture { get; set; } = "en";

    public IReadOnlyList<string> SupportedCultures { get; set; } = ["en", "zh-CN"];
}
