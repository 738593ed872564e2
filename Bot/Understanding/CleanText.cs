using System.Globalization;
using System.Text;
using CrmBot.Domain.Common;

namespace CrmBot.Understanding;

/// <summary>
/// The text the recogniser reads: control and formatting characters, noncharacters and broken surrogates become spaces,
/// NFKC narrows full-width letters and digits (ＳＯ－１００４２ as Chinese keyboards type them), runs of
/// whitespace become one space, and only the first characters, up to the length given, are kept.
/// </summary>
internal readonly record struct CleanText(string Text, bool Truncated, int OriginalLength)
{
    public static CleanText From(string? raw, int maxLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new(string.Empty, false, 0);
        }

        // Cleaning can only shorten the text, except NFKC which may lengthen it a little; four times the cap is
        // plenty to fill it and keeps the work bounded for a 100 KB paste.
        var head = raw.Length > maxLength * 4 ? raw[..(maxLength * 4)] : raw;
        var builder = new StringBuilder(head.Length);
        for (var i = 0; i < head.Length; i++)
        {
            var c = head[i];
            if (char.IsHighSurrogate(c) && i + 1 < head.Length && char.IsLowSurrogate(head[i + 1]))
            {
                builder.Append(c).Append(head[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || IsInvisible(c) || TextCharacters.IsNoncharacter(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        var normalized = builder.ToString().Normalize(NormalizationForm.FormKC);
        var text = string.Join(' ', normalized.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var truncated = text.Length > maxLength || head.Length < raw.Length;
        if (text.Length > maxLength)
        {
            // Never cut an emoji (a surrogate pair) in half.
            var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
            text = text[..cut].TrimEnd();
        }

        return new(text, truncated, raw.Length);
    }

    /// <summary>Zero-width and direction marks: invisible, and they split words for the recognisers.</summary>
    private static bool IsInvisible(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u200D';
}
