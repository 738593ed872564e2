using Microsoft.Recognizers.Text;

namespace CrmBot.Understanding;

/// <summary>
/// The Microsoft.Recognizers.Text culture for a locale as clients send it: zh, zh-CN, zh-Hans ... read as Chinese,
/// everything else (en, en-GB, unknown or malformed locales) as US English. The locale is only compared as text,
/// never parsed as a CultureInfo, because it comes from the client.
/// </summary>
internal static class RecognizerCulture
{
    public const string EnglishName = "en-US";
    public const string ChineseName = "zh-CN";

    /// <summary>The recognisers' culture code and the name the result reports.</summary>
    public static (string Code, string Name) For(string? locale) =>
        locale is not null && (locale.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("zh_", StringComparison.OrdinalIgnoreCase))
            ? (Culture.Chinese, ChineseName)
            : (Culture.English, EnglishName);

    public static bool IsChinese(string code) => code == Culture.Chinese;
}
