using System.Text;
using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>
/// Intents from keyword rules in English and Chinese (<see cref="EnglishIntentRules"/>, <see cref="ChineseIntentRules"/>).
/// Both sets apply whatever the turn's culture, since people mix languages, but each only to text it could match: the
/// Chinese rules to text with a CJK character, the English ones to text with a Latin letter or with no CJK character, so
/// that a message in one language is not run through the other's patterns (about half the classifier's time).
/// An intent scores the best of its matching rules, plus a little when the entities it works on are present
/// (an order number for TrackOrder, a date for SetReminder).
/// </summary>
public sealed partial class RuleIntentClassifier : IIntentClassifier
{
    private const double EntityBonus = 0.04;

    private static readonly IntentRuleGroup[] English = IntentRuleGroup.Of(EnglishIntentRules.All);

    private static readonly IntentRuleGroup[] Chinese = IntentRuleGroup.Of(ChineseIntentRules.All);

    /// <summary>The entities each intent works on.</summary>
    private static readonly Dictionary<Intent, Type[]> Supporting = new()
    {
        [Intent.TrackOrder] = [typeof(OrderNumberEntity), typeof(TrackingNumberEntity)],
        [Intent.PlaceOrder] = [typeof(QuantityEntity)],
        [Intent.CancelOrder] = [typeof(OrderNumberEntity)],
        [Intent.RefundOrder] = [typeof(OrderNumberEntity), typeof(MoneyEntity)],
        [Intent.RecordPayment] = [typeof(OrderNumberEntity), typeof(MoneyEntity)],
        [Intent.ShipOrder] = [typeof(OrderNumberEntity), typeof(CarrierEntity), typeof(TrackingNumberEntity)],
        [Intent.DeliverOrder] = [typeof(OrderNumberEntity)],
        [Intent.FindCustomer] = [typeof(EmailEntity), typeof(PhoneNumberEntity), typeof(PersonNameEntity)],
        [Intent.ExportCustomerData] = [typeof(EmailEntity), typeof(PhoneNumberEntity), typeof(PersonNameEntity)],
        [Intent.EraseCustomerData] = [typeof(EmailEntity), typeof(PhoneNumberEntity), typeof(PersonNameEntity)],
        [Intent.UpdateContact] = [typeof(EmailEntity), typeof(PhoneNumberEntity)],
        [Intent.SetReminder] = [typeof(DateTimeEntity)],
        [Intent.LogInteraction] = [typeof(PersonNameEntity)],
    };

    public IEnumerable<IntentScore> Classify(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var text = utterance.Masked.ToLowerInvariant();
        var core = Core(text);
        var isQuestion = IsQuestion(text);
        var scores = new Dictionary<Intent, double>();
        var (latin, cjk) = Scripts(text);
        if (latin || !cjk)
        {
            Score(English, utterance, text, core, isQuestion, scores);
        }

        if (cjk)
        {
            Score(Chinese, utterance, text, core, isQuestion, scores);
        }

        return scores.Select(pair => new IntentScore(pair.Key, Math.Min(0.99, pair.Value + Bonus(pair.Key, utterance))));
    }

    private static void Score(IntentRuleGroup[] groups, Utterance utterance, string text, string core, bool isQuestion, Dictionary<Intent, double> scores)
    {
        foreach (var group in groups)
        {
            var input = group.ReadsCore ? core : text;
            if (!group.MayMatch(input))
            {
                continue;
            }

            foreach (var rule in group.Rules)
            {
                if (scores.GetValueOrDefault(rule.Intent) >= rule.Score
                    || (rule.Scope == RuleScope.Statement && isQuestion)
                    || !Matches(rule, input)
                    || (rule.When is not null && !rule.When(utterance)))
                {
                    continue;
                }

                scores[rule.Intent] = rule.Score;
            }
        }
    }

    private static double Bonus(Intent intent, Utterance utterance) =>
        Supporting.TryGetValue(intent, out var kinds) && utterance.Entities.Any(entity => kinds.Contains(entity.GetType())) ? EntityBonus : 0;

    /// <summary>
    /// Whether the masked text has a Latin letter outside the entities' tokens (⟨_order⟩ ...), and whether it has a CJK
    /// character (everything from U+2E80 on, fullwidth punctuation included). Text with neither, such as "3", "?" or a
    /// bare order number, goes to the English rules, which answer bare numbers, marks and entities.
    /// </summary>
    private static (bool Latin, bool Cjk) Scripts(string lower)
    {
        var (latin, cjk, token) = (false, false, false);
        foreach (var c in lower)
        {
            token = c == '⟨' || (token && c != '⟩');
            latin |= !token && char.IsAsciiLetterLower(c);
            cjk |= c >= '\u2E80';
        }

        return (latin, cjk);
    }

    private static bool Matches(IntentRule rule, string text)
    {
        try
        {
            return rule.Pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The utterance without punctuation, symbols, emoji and politeness, for the whole-utterance rules.</summary>
    internal static string Core(string lower)
    {
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '\'' or '_' or '⟨' or '⟩' ? c : ' ');
        }

        var words = Politeness().Replace(builder.ToString(), " ");
        var core = string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return core.Length == 0 && lower.AsSpan().IndexOfAny('?', '？') >= 0 ? "?" : core;
    }

    private static bool IsQuestion(string lower) => Question().IsMatch(lower);

    [GeneratedRegex(@"\b(?:please|pls|plz|thanks|thank you|thankyou|thx|ty|ok|okay|just|bot|crmbot)\b|请|麻烦你?|谢谢(?:你|您)?|一下|吧|啊|呀|哦|噢|嗯|好的", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Politeness();

    [GeneratedRegex(@"[?？]\s*$|^\s*(?:has|have|is|was|did|were|are|does|do|where|when|why|what|how|which|can|could|will|would|should)\b|[吗嘛呢]\s*$|怎么|如何|什么|哪|为什么|是否|有没有|是不是|多少|几时|没有\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Question();
}
