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

    [GeneratedRegex(@"\b(?:don't|do\s+not|dont|never|no\s+more|stop)\b|不要|别|不想|不用|取消|退订", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Negation();
}
