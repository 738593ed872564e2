using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>
/// The rules of one intent that read the same text (the whole utterance's core, or the text), with their patterns joined
/// in one alternation: when <see cref="Any"/> finds nothing, none of them can match, and a message is checked against a
/// few dozen groups instead of every rule (most rules match nothing in most messages).
/// </summary>
internal sealed record IntentRuleGroup(Regex Any, bool ReadsCore, IntentRule[] Rules)
{
    public static IntentRuleGroup[] Of(IEnumerable<IntentRule> rules) =>
    [
        .. rules.GroupBy(rule => (rule.Intent, ReadsCore: rule.Scope == RuleScope.Whole)).Select(group => new IntentRuleGroup(
            new Regex(string.Join('|', group.Select(rule => $"(?:{rule.Pattern})")), group.First().Pattern.Options, PatternTimeout.Value),
            group.Key.ReadsCore,
            [.. group])),
    ];

    /// <summary>False only when no rule of the group can match; a pattern that runs out of time counts as a possible match.</summary>
    public bool MayMatch(string text)
    {
        try
        {
            return Any.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
