using System.Globalization;
using Microsoft.Recognizers.Text;

namespace CrmBot.Language;

/// <summary>
/// How CrmBot calls Microsoft.Recognizers.Text: which of its cultures a locale maps to, and in which thread
/// culture its models run. Used by the recogniser and the dialog prompts alike.
/// </summary>
public static class RecognizerCulture
{
    public const string EnglishName = "en-US";
    public const string ChineseName = "zh-CN";

    /// <summary>The recognisers' culture for the turn's culture (which TurnCultureMiddleware sets).</summary>
    public static string Current => For(CultureInfo.CurrentCulture.Name).Code;

    /// <summary>
    /// The recognisers' culture code and the name a result reports for a locale as clients send it: zh, zh-CN,
    /// zh-Hans ... read as Chinese, everything else (en, en-GB, unknown or malformed locales) as US English. The
    /// locale is only compared as text, never parsed as a CultureInfo, because it comes from the client.
    /// </summary>
    public static (string Code, string Name) For(string? locale) =>
        locale is not null && (locale.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("zh_", StringComparison.OrdinalIgnoreCase))
            ? (Culture.Chinese, ChineseName)
            : (Culture.English, EnglishName);

    public static bool IsChinese(string code) => code == Culture.Chinese;

    /// <summary>
    /// Runs recogniser calls in the invariant culture. Microsoft.Recognizers.Text 1.8.13 caches each model (per
    /// culture and options) when first asked for it, and its Chinese number and currency models then only work
    /// while the thread's culture is of the kind it was built under: built under the invariant or an English
    /// culture they find nothing in "二十元" under zh-CN, and built under zh-CN nothing under the invariant
    /// culture (measured). Every call in the process therefore runs in one culture, the invariant one.
    /// </summary>
    public static T Invariantly<T>(Func<T> recognize)
    {
        ArgumentNullException.ThrowIfNull(recognize);
        var turnCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return recognize();
        }
        finally
        {
            CultureInfo.CurrentCulture = turnCulture;
        }
    }
}
