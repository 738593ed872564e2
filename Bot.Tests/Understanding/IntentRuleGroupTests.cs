using CrmBot.Understanding;

namespace CrmBot.Tests.Understanding;

/// <summary>
/// The classifier skips a group of rules when their joined pattern finds nothing: that must never skip a rule that
/// would have matched, or an intent silently loses a phrasing.
/// </summary>
public sealed class IntentRuleGroupTests
{
    // Built once: each group compiles its joined pattern.
    private static readonly IntentRuleGroup[] Groups = IntentRuleGroup.Of([.. EnglishIntentRules.All, .. ChineseIntentRules.All]);

    public static TheoryData<string> Messages =>
    [
        "track ⟨_order⟩",
        "where is my order ⟨_order⟩?",
        "has ⟨_order⟩ shipped yet?",
        "i want to buy 3 blue mugs",
        "new order",
        "cancel ⟨_order⟩ please",
        "refund ⟨_money⟩ on ⟨_order⟩",
        "ship ⟨_order⟩ with sf express ⟨_tracking⟩",
        "find customer ⟨_email⟩",
        "remind me to call alice tomorrow at 10",
        "why did alice get the shipping notice?",
        "help",
        "menu",
        "top 5 customers this month",
        "pause the unpaid nudge workflow",
        "english please",
        "我的订单⟨_order⟩到哪了",
        "我想买三个蓝色杯子",
        "⟨_order⟩退款20元",
        "为什么张三收到了发货通知",
        "明天上午十点提醒我给张三打电话",
        "取消",
        "你好！",
        "?",
        "3",
        "",
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void AGroupFindsNothingOnlyWhenNoneOfItsRulesMatches(string message)
    {
        var core = RuleIntentClassifier.Core(message);
        foreach (var group in Groups)
        {
            var text = group.ReadsCore ? core : message;
            var (anyRule, groupFinds) = (group.Rules.Any(rule => rule.Pattern.IsMatch(text)), group.MayMatch(text));

            Assert.True(anyRule == groupFinds, $"{group.Rules[0].Intent} on '{text}': a rule matches = {anyRule}, the group finds = {groupFinds}");
        }
    }

    [Fact]
    public void EachGroupHoldsTheRulesOfOneIntentThatReadTheSameText()
    {
        IntentRule[] rules = [.. EnglishIntentRules.All, .. ChineseIntentRules.All];

        var groups = Groups;

        Assert.Equal(rules.Length, groups.Sum(group => group.Rules.Length));
        Assert.All(groups, group =>
        {
            Assert.Single(group.Rules.Select(rule => rule.Intent).Distinct());
            Assert.All(group.Rules, rule => Assert.Equal(group.ReadsCore, rule.Scope == RuleScope.Whole));
        });
        Assert.True(groups.Length < rules.Length / 2, $"{groups.Length} groups for {rules.Length} rules");
    }
}
