using System.Text.RegularExpressions;

namespace CrmBot.Dialogs;

/// <summary>How the engine compares what the user typed with keywords, choices and synonyms.</summary>
internal static partial class Utterance
{
    /// <summary>
    /// Trimmed, lower case, inner spaces collapsed and closing punctuation dropped ("Yes!" is "yes", "好的。" is
    /// "好的"); text that is nothing but punctuation ("?") is kept as it is.
    /// </summary>
    public static string Normalize(string? text)
    {
        var collapsed = Spaces().Replace(text ?? "", " ").Trim().ToLowerInvariant();
        var trimmed = collapsed.TrimEnd(ClosingPunctuation).TrimEnd();
        return trimmed.Length > 0 ? trimmed : collapsed;
    }

    /// <summary>The first word or, for text without spaces (Chinese), the part before the first punctuation.</summary>
    public static string FirstWord(string normalized) =>
        normalized.Split([' ', ',', '，', '、', '.', '。', '!', '！', ';', '；'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>Whether <paramref name="phrase"/> appears in <paramref name="normalized"/> as whole words.</summary>
    public static bool Contains(string normalized, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        // Chinese and Japanese have no spaces between words: a phrase in them counts wherever it appears.
        return phrase.Any(IsIdeographic)
            ? normalized.Contains(phrase, StringComparison.Ordinal)
            : Regex.IsMatch(normalized, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsIdeographic(char c) => c is >= '\u3040' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    private static readonly char[] ClosingPunctuation = ['.', '!', '?', '。', '！', '？', '~', '～', '…'];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
