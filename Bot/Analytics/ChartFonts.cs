using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace CrmBot.Analytics;

/// <summary>
/// The installed font that draws a chart's text. ScottPlot's <c>Fonts.Detect</c> asks SkiaSharp to match a character,
/// which the Linux build ScottPlot ships (SkiaSharp.NativeAssets.Linux.NoDependencies, no fontconfig) never does, so
/// Chinese labels came out as boxes even with CJK fonts installed. The installed families are searched here instead;
/// when none draws a text, the charts fall back to English labels.
/// </summary>
public static class ChartFonts
{
    private static readonly Lazy<SKTypeface[]> Installed = new(InstalledTypefaces);
    private static readonly ConcurrentDictionary<string, string?> FamilyOfText = new(StringComparer.Ordinal);

    public static bool CanDraw(string text) => FamilyFor(text) is not null;

    /// <summary>The family that draws every letter of <paramref name="text"/>, or null when none does.</summary>
    public static string? FamilyFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = string.Concat(text.EnumerateRunes().Where(r => r.Value > 0x7F && !Rune.IsWhiteSpace(r)).Distinct());
        if (letters.Length == 0)
        {
            return ScottPlot.Fonts.Sans;
        }

        return FamilyOfText.GetOrAdd(letters, static letters =>
        {
            using var matched = SKFontManager.Default.MatchCharacter(letters.EnumerateRunes().First().Value);
            if (matched is not null && matched.ContainsGlyphs(letters))
            {
                return matched.FamilyName;
            }

            return Array.Find(Installed.Value, typeface => typeface.ContainsGlyphs(letters))?.FamilyName;
        });
    }

    /// <summary>One typeface of each installed family, sans-serif and simplified Chinese (SC) first.</summary>
    private static SKTypeface[] InstalledTypefaces() =>
    [
        .. SKFontManager.Default.FontFamilies
            .OrderBy(f => !f.Contains("Sans", StringComparison.Ordinal))
            .ThenBy(f => f.Contains("Mono", StringComparison.Ordinal))
            .ThenBy(f => !f.EndsWith(" SC", StringComparison.Ordinal))
            .ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => SKFontManager.Default.MatchFamily(f))
            .OfType<SKTypeface>(),
    ];
}
