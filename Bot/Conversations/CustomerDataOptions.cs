using System.Text.RegularExpressions;
using CrmBot.Domain.Privacy;
using CrmBot.Understanding;

namespace CrmBot.Conversations;

/// <summary>Export or erase, and whose data (an email, phone or name as the rep gave it; null: ask).</summary>
public sealed partial record CustomerDataOptions(PrivacyAction Action, string? Customer = null)
{
    public static CustomerDataOptions From(PrivacyAction action, RecognitionResult recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var rest = TrailingWords().Replace(CommandWords().Replace(recognition.Text, string.Empty), string.Empty).Trim(' ', '?', '.', '!', '？', '。', '！', ':', '：');
        var customer = recognition.Entity<EmailEntity>()?.Address
            ?? recognition.Entity<PhoneNumberEntity>()?.E164
            ?? (rest.Length > 0 ? rest : recognition.Entity<PersonNameEntity>()?.Name);
        return new(action, customer);
    }

    [GeneratedRegex(@"^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:export|download|dump|erase|delete|remove|wipe|purge|anonymi[sz]e)?\s*(?:(?:all|the|personal|customer|client|data|of|for|about|on|record|records|profile|account|details|info|information)\b\s*)*(?:请)?(?:帮我|帮忙)?(?:导出|删除|删掉|清除|抹去|抹除|注销|匿名化)?(?:一下)?(?:客户|顾客|用户)?(?:的)?(?:个人)?(?:数据|资料|信息|档案)?", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWords();

    /// <summary>"... 的数据" after the name in "删除客户张三的数据".</summary>
    [GeneratedRegex(@"(?:的)?(?:个人)?(?:客户)?(?:数据|资料|信息|档案)$|'s\s+(?:personal\s+)?data$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWords();
}
