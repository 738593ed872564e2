using System.Text.RegularExpressions;
using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>
/// Whom to look for (a name, email, phone or order number; null: ask) and whether to stop at the pick
/// (<see cref="PickOnly"/>, for dialogs that need a customer) instead of showing the profile.
/// </summary>
public sealed partial record FindCustomerOptions(string? Query = null, bool PickOnly = false)
{
    /// <summary>The contact or name the recogniser found, else what is left once the command words are gone.</summary>
    public static FindCustomerOptions From(RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var query = recognition.Entity<EmailEntity>()?.Address
            ?? recognition.Entity<PhoneNumberEntity>()?.E164
            ?? recognition.Entity<OrderNumberEntity>()?.Number
            ?? recognition.Entity<PersonNameEntity>()?.Name
            ?? CommandWords().Replace(recognition.Text, string.Empty).Trim(' ', '?', '.', '!', '？', '。', '！');
        return new FindCustomerOptions(string.IsNullOrWhiteSpace(query) ? null : query);
    }

    [GeneratedRegex(@"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:find|search(?:\s+for)?|look\s*up|lookup|show(?:\s+me)?|open|get|pull\s+up|who\s+is|who's)?\s*(?:(?:the|a|customer|client|contact|account|profile)s?\b\s*)*(?:请)?(?:帮我|帮忙)?(?:查找|查询|查看|搜索|查|找|搜|看看|打开|调出)?(?:一下|下)?(?:客户|顾客|用户|会员|联系人|买家)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWords();
}
