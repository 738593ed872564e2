using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace CrmBot.Analytics;

/// <summary>
/// Whether the machine has a font that draws a text. ScottPlot's <c>Fonts.Detect</c> picks the installed font most
/// likely to draw it but falls back to its default font (boxes for Chinese) when none does; a chart made on a server
/// without CJK fonts would be unreadable, so the charts ask here first and fall back to English labels.
/// </summary>
public static class ChartFonts
{
    private static readonly ConcurrentDictionary<int, bool> Coverage = new();

    public static bool CanDraw(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EnumerateRunes().Where(r => r.Value > 0x7F && !Rune.IsWhiteSpace(r)).All(r => Covered(r.Value));
    }

    private static bool Covered(int codePoint) => Coverage.GetOrAdd(codePoint, static c =>
    {
        using var typeface = SKFontManager.Default.MatchCharacter(c);
        return typeface is not null;
    });
}
