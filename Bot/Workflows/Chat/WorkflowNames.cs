using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Workflows.Chat;

/// <summary>The rule a rep means by the name they typed: the exact name, else the same one written loosely, else the rules it begins.</summary>
internal static partial class WorkflowNames
{
    /// <summary>
    /// One rule when the name is clear; several when it is only the beginning of more than one; none when no rule is
    /// called so. Case, spaces and underscores do not count ("Unpaid order nudge" is unpaid-order-nudge).
    /// </summary>
    public static IReadOnlyList<WorkflowRule> Matching(IReadOnlyList<WorkflowRule> rules, string typed)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Where(r => r.Name == typed).Take(2).ToList() is [var exact])
        {
            return [exact];
        }

        var key = Loose(typed);
        var same = rules.Where(r => Loose(r.Name) == key).ToList();
        return same.Count > 0 ? same : [.. rules.Where(r => Loose(r.Name).StartsWith(key, StringComparison.Ordinal))];
    }

    private static string Loose(string name) => Separators().Replace(name.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex(@"[\s_\-]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Separators();
}
