using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace CrmBot.Dialogs;

/// <summary>
/// Finds the choice a user meant, in this order: the whole answer is a choice's value or synonym ("Medium",
/// "m"); an ordinal ("the second one", "last", "第二个"); the answer is just a number, the choice's position
/// ("2"); one choice's value or synonym appears in the answer ("medium please").
/// </summary>
internal static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices, string culture)
    {
        var normalized = Utterance.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        return ByWholeAnswer(normalized, choices)
            ?? ByOrdinal(normalized, choices, culture)
            ?? ByPosition(normalized, choices, culture)
            ?? ByMention(normalized, choices);
    }

    private static FoundChoice? ByWholeAnswer(string normalized, IReadOnlyList<Choice> choices) =>
        Single(choices, words => words.Contains(normalized));

    private static FoundChoice? ByOrdinal(string normalized, IReadOnlyList<Choice> choices, string culture)
    {
        var positions = NumberRecognizer.RecognizeOrdinal(normalized, culture)
            .Select(result => PositionOf(result, choices.Count))
            .Where(position => position is not null)
            .Distinct()
            .ToList();
        return positions is [{ } index] ? Found(choices, index) : null;
    }

    private static FoundChoice? ByPosition(string normalized, IReadOnlyList<Choice> choices, string culture)
    {
        // Only a bare number: in "2 boxes of the large" the 2 is not a position.
        var numbers = NumberRecognizer.RecognizeNumber(normalized, culture);
        return numbers is [{ } number]
            && number.Text.Length == normalized.Length
            && int.TryParse(Value(number), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position >= 1 && position <= choices.Count
                ? Found(choices, position - 1)
                : null;
    }

    private static FoundChoice? ByMention(string normalized, IReadOnlyList<Choice> choices) =>
        Single(choices, words => words.Any(word => Utterance.Contains(normalized, word)));

    /// <summary>The one choice whose words match; none when several do, since guessing would be worse than asking again.</summary>
    private static FoundChoice? Single(IReadOnlyList<Choice> choices, Func<IEnumerable<string>, bool> matches)
    {
        var matching = Enumerable.Range(0, choices.Count).Where(index => matches(WordsOf(choices[index]))).Take(2).ToList();
        return matching is [var only] ? Found(choices, only) : null;
    }

    private static IEnumerable<string> WordsOf(Choice choice) =>
        new[] { choice.Value, choice.Action?.Title }.Concat(choice.Synonyms)
            .Where(word => !string.IsNullOrWhiteSpace(word))
            .Select(Utterance.Normalize);

    /// <summary>The 0-based position an ordinal names: "second" is 1; "last" (relative to the end, offset 0) is the last.</summary>
    private static int? PositionOf(ModelResult result, int count)
    {
        if (result.Resolution is null
            || !int.TryParse(result.Resolution.GetValueOrDefault("offset") as string, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            return null;
        }

        var position = (result.Resolution.GetValueOrDefault("relativeTo") as string) switch
        {
            "start" => offset - 1,
            "end" => count - 1 + offset,
            _ => (int?)null,
        };
        return position >= 0 && position < count ? position : null;
    }

    private static string? Value(ModelResult result) => result.Resolution?.GetValueOrDefault("value") as string;

    private static FoundChoice Found(IReadOnlyList<Choice> choices, int index) => new(choices[index].Value, index);
}
