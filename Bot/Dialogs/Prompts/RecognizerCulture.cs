using System.Globalization;
using Microsoft.Recognizers.Text;

namespace CrmBot.Dialogs;

/// <summary>The Microsoft.Recognizers.Text culture for the turn's culture (which TurnCultureMiddleware sets).</summary>
internal static class RecognizerCulture
{
    public static string Current => For(CultureInfo.CurrentCulture);

    /// <summary>The culture itself when supported (zh-CN), else the language's main culture (en to en-us), else English.</summary>
    public static string For(CultureInfo culture)
    {
        var codes = Culture.GetSupportedCultureCodes();
        var name = culture.Name.ToLowerInvariant();
        var language = culture.TwoLetterISOLanguageName.ToLowerInvariant();
        return codes.FirstOrDefault(code => code == name)
            ?? codes.FirstOrDefault(code => code.StartsWith(language + "-", StringComparison.Ordinal) && !code.EndsWith('*'))
            ?? Culture.English;
    }
}
