using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>
/// The numbers no earlier extractor took. A whole number before a noun ("3 blue mugs", "three cups") or a Chinese
/// measure word ("三个", "5件") is a quantity; others stay plain numbers, which the intent may still make an amount
/// or a quantity. A lone Chinese numeral in a phrase (the 一 of 查一下) is not reported.
/// </summary>
internal sealed partial class NumberExtractor : IEntityExtractor
{
    /// <summary>Words after a number that do not make it a count of things.</summary>
    private static readonly HashSet<string> NotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "for", "to", "at", "of", "in", "and", "or", "from", "by", "with", "per", "percent", "am", "pm", "times",
        "more", "less", "than", "please", "plus", "minus", "is", "are", "was", "were", "if", "but", "so", "as", "the",
        "a", "an", "my", "your", "it", "them", "off", "back", "refund", "refunded", "paid", "received", "left", "only",
        "each", "total", "instead", "ok", "okay", "thanks", "now", "then", "today", "tomorrow",
    };

    public void Extract(EntityDraft draft)
    {
        foreach (var result in draft.Numbers ?? [])
        {
            if (draft.FreeSpan(result) is not { } span
                || !decimal.TryParse(result.Resolution?.GetValueOrDefault("value") as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var after = draft.Unclaimed.AsSpan(result.End + 1);
            var isWhole = value == decimal.Truncate(value) && value is > 0 and <= 100_000;
            if (isWhole && span.EndsWith('打'))
            {
                // 一打 (a dozen) is a count already.
                draft.TryAdd(new QuantityEntity { Text = span, Position = result.Start, Value = (int)value });
            }
            else if (isWhole && MeasureWord(after) is { } measure && draft.IsFree(result.Start, span.Length + measure))
            {
                var text = draft.Text.Substring(result.Start, span.Length + measure);
                draft.TryAdd(new QuantityEntity { Text = text, Position = result.Start, Value = (int)value });
            }
            else if (isWhole && !span.Any(IsHan) && NextWord(after) is { } word && !NotNouns.Contains(word))
            {
                draft.TryAdd(new QuantityEntity { Text = span, Position = result.Start, Value = (int)value });
            }
            else if (span.Length > 1 || !IsHan(span[0]))
            {
                draft.TryAdd(new NumberEntity { Text = span, Position = result.Start, Value = value });
            }
        }
    }

    /// <summary>The length of the Chinese measure word right after the number, if any.</summary>
    private static int? MeasureWord(ReadOnlySpan<char> after)
    {
        var match = ChineseMeasureWord().Match(after.ToString());
        return match.Success ? match.Length : null;
    }

    private static string? NextWord(ReadOnlySpan<char> after)
    {
        var match = EnglishWord().Match(after.ToString());
        return match.Success ? match.Groups["word"].Value : null;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    [GeneratedRegex(@"^\s*(?:个|件|只|台|箱|盒|瓶|包|份|双|套|条|张|本|支|杯|袋|罐|桶|把|顶|副|卷|片|斤|公斤|千克|打|批|部|辆|对|组|粒|根|枚|颗|株|盆|束|盏|扇|座|位)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex ChineseMeasureWord();

    [GeneratedRegex(@"^\s?(?<word>[A-Za-z][A-Za-z'\-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex EnglishWord();
}
