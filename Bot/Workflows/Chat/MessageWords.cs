using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Workflows.Chat;

/// <summary>
/// The words of a message as a rep recalls it ("the shipping notice", "付款提醒"), found loosely in what a workflow is
/// called and says: a Latin word by its beginning (shipping finds shipped and OrderShipped), Chinese by each pair of
/// characters (付款提醒 finds 尚未付款 and 温馨提醒). Words every message shares (message, notice, 消息) count for nothing.
/// </summary>
internal sealed partial class MessageWords
{
    private const int StemLength = 5;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "my", "our", "your", "it", "them",
        "me", "us", "one", "some", "any", "of", "for", "on", "to", "from", "with", "about", "and", "or", "again", "yesterday",
        "today", "last", "message", "messages", "msg", "notice", "notices", "notification", "notifications", "text", "texts",
        "email", "emails", "mail", "note", "bot", "crmbot", "please",
    };

    private static readonly HashSet<string> IgnoredPairs = new(StringComparer.Ordinal)
    {
        "消息", "通知", "信息", "短信", "邮件", "一条", "这条", "那条", "一个", "这个", "那个", "关于",
    };

    private readonly string[] _words;
    private readonly string[] _pairs;

    public MessageWords(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _words = [.. Latin(message).Where(w => !Ignored.Contains(w)).Distinct()];
        var pairs = new List<string>();
        foreach (Match run in Han().Matches(message))
        {
            for (var i = 0; i + 1 < run.Length; i++)
            {
                var pair = run.Value.Substring(i, 2);
                if (!IgnoredPairs.Contains(pair) && !Particle().IsMatch(pair))
                {
                    pairs.Add(pair);
                }
            }
        }

        _pairs = [.. pairs.Distinct()];
    }

    /// <summary>True when the rep named no words that could tell one message from another.</summary>
    public bool IsEmpty => _words.Length == 0 && _pairs.Length == 0;

    /// <summary>How many of the words occur in <paramref name="texts"/>.</summary>
    public int CountIn(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = texts.ToList();
        var words = all.SelectMany(Latin).ToHashSet(StringComparer.Ordinal);
        var han = string.Concat(all);
        return _words.Count(w => words.Any(candidate => Similar(w, candidate))) + _pairs.Count(p => han.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>The same word or, from three letters on, the same beginning: ship ~ shipped, shipping ~ shipped, pay ~ payment.</summary>
    private static bool Similar(string word, string candidate)
    {
        if (word == candidate)
        {
            return true;
        }

        var shorter = Math.Min(word.Length, candidate.Length);
        if (shorter < 3)
        {
            return false;
        }

        var common = 0;
        while (common < shorter && word[common] == candidate[common])
        {
            common++;
        }

        return common >= Math.Min(StemLength, shorter);
    }

    /// <summary>Lower-case Latin words and numbers, camelCase and kebab-case taken apart (OrderShipped, order-shipped-notice).</summary>
    private static IEnumerable<string> Latin(string text) =>
        LatinWord().Matches(CamelHump().Replace(text, "$1 $2")).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"[A-Za-z]+|[0-9]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"([a-z0-9])([A-Z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex CamelHump();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Han();

    /// <summary>A pair across a particle or measure word ("的消", "了一") is no word of the message.</summary>
    [GeneratedRegex("[的了条个么呢吗吧]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Particle();
}
