using System.Collections;
using System.Globalization;
using System.Resources;

namespace CrmBot.Workflows;

/// <summary>
/// The shipped message templates (WorkflowTemplates.resx and its translations), with {placeholders}; the engine reads
/// them through IStringLocalizer&lt;WorkflowTemplates&gt;, the rules' validation through <see cref="Translations"/>.
/// </summary>
public sealed class WorkflowTemplates
{
    private static readonly ResourceManager Resources = new(typeof(WorkflowTemplates));

    /// <summary>The cultures the templates are written in: the neutral (English) resources and each translation.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("zh-Hans")];

    /// <summary>Every template's text in every culture it has, by key; empty when there is no such template.</summary>
    public static IReadOnlyList<string> Translations(string key) =>
        [.. Cultures.Select(c => Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false)?.GetString(key)).OfType<string>()];

    public static IReadOnlyList<string> Keys { get; } =
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
}
