using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrmBot.Language;

/// <summary>The cultures CrmBot answers in, and which of them a user's locale or language setting maps to.</summary>
public sealed class SupportedCultures
{
    private readonly CultureInfo _default;
    private readonly CultureInfo[] _supported;

    public SupportedCultures(IOptions<LanguageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _default = CultureInfo.GetCultureInfo(options.Value.DefaultCulture);
        var configured = options.Value.SupportedCultures is { Count: > 0 } cultures ? cultures : ["en", "zh-CN"];
        _supported = [.. configured.Select(CultureInfo.GetCultureInfo).Distinct()];
    }

    public IReadOnlyList<CultureInfo> All => _supported;

    /// <summary>
    /// The supported culture for a locale (exactly, or by language: en-GB is answered in en), else the default one.
    /// The locale may come from a client, so it is compared as text and never parsed as a culture.
    /// </summary>
    public CultureInfo CultureFor(string? locale) => Supported(locale) ?? _default;

    /// <summary>The supported culture for a locale (exactly, or by language), or null when none is.</summary>
    public CultureInfo? Supported(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var language = locale.Split('-', '_')[0];
        return Array.Find(_supported, culture => culture.Name.Equals(locale, StringComparison.OrdinalIgnoreCase))
            ?? Array.Find(_supported, culture => culture.TwoLetterISOLanguageName.Equals(language, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Runs what follows in a user's culture (resources and formatting) until disposed, outside a turn.</summary>
    public CultureScope Enter(string? locale) => new(CultureFor(locale));
}
