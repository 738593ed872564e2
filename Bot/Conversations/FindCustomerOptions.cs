using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>
/// Whom to look for (a name, email, phone or order number; null: ask) and whether to stop at the pick
/// (<see cref="PickOnly"/>, for dialogs that need a customer) or show only their purchase score
/// (<see cref="ScoreOnly"/>) instead of the profile.
/// </summary>
public sealed partial record FindCustomerOptions(string? Query = null, bool PickOnly = false, bool ScoreOnly = false)
{
    /// <summary>The contact or name the recogniser found, else what is left once the command words are gone.</summary>
    public static FindCustomerOptions From(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var query = recognition.Entity<EmailEntity>()?.Address
            ?? recognition.Entity<PhoneNumberEntity>()?.E164
            ?? recognition.Entity<OrderNumberEntity>()?.Number
            ?? recognition.Entity<PersonNameEntity>()?.Name
            ?? ScoreWords().Replace(CommandWords().Replace(recognition.Text, string.Empty), string.Empty).Trim(' ', '?', '.', '!', '？', '。', '！');
        return new FindCustomerOptions(string.IsNullOrWhiteSpace(query) ? null : query);
    }

    [GeneratedRegex(@"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:find|search(?:\s+for)?|look\s*up|lookup|show(?:\s+me)?|open|get|pull\s+up|who\s+is|who's|score|how\s+likely\s+(?:is|are))?\s*(?:(?:the|a|customer|client|contact|account|profile)s?\b\s*)*(?:请)?(?:帮我|帮忙)?(?:查找|查询|查看|搜索|查|找|搜|看看|打开|调出)?(?:一下|下)?(?:客户|顾客|用户|会员|联系人|买家)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWords();

    /// <summary>What follows the name in "how likely is Wang Fang to buy?" or "王芳的购买可能性".</summary>
    [GeneratedRegex(@"(?:\s+to\s+(?:buy|order|purchase)\b.*|\s*的?(?:购买|下单|成交)(?:可能性|概率|倾向|评分).*|\s*(?:'s)?\s+(?:purchase|buying)\s+(?:likelihood|probability|score)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreWords();
}
