using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>Conditions the keyword rules of both languages share.</summary>
internal static partial class RuleConditions
{
    /// <summary>"Don't send me messages again" is no request to receive them.</summary>
    public static bool IsNotNegated(Utterance utterance) => !Negation().IsMatch(utterance.Masked);

    public static bool HasContact(Utterance utterance) =>
        utterance.Has<EmailEntity>() || utterance.Has<PhoneNumberEntity>() || utterance.Has<PersonNameEntity>();

    public static bool HasShipment(Utterance utterance) => utterance.Has<CarrierEntity>() || utterance.Has<TrackingNumberEntity>();

    /// <summary>"Why did Alice get the refund notice?" asks about a workflow's message (<see cref="Intent.ExplainMessage"/>), not for a refund.</summary>
    public static bool IsNotWhyReceived(Utterance utterance) => !WhyReceived().IsMatch(utterance.Masked);

    [GeneratedRegex(@"\b(?:don't|do\s+not|dont|never|no\s+more|stop)\b|不要|别|不想|不用|取消|退订", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Negation();

    /// <summary>The "why did ... get ..." question of both languages, with its groups <c>who</c> and <c>what</c>.</summary>
    [GeneratedRegex(EnglishIntentRules.WhyReceived + "|" + ChineseIntentRules.WhyReceived, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    internal static partial Regex WhyReceived();
}
