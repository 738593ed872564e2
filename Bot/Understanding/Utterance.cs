namespace CrmBot.Understanding;

/// <summary>
/// What an intent classifier reads: the cleaned text, the same text with the entities that carry no meaning of
/// their own masked (<see cref="Masked"/>: "refund ⟨_money⟩ on ⟨_order⟩", so neither help@shop.com nor a tracking
/// number can trigger a keyword, and a trained model sees the shape of the sentence), the culture and the entities.
/// </summary>
public sealed record Utterance(string Text, string Masked, string Culture, IReadOnlyList<RecognizedEntity> Entities)
{
    public const string OrderToken = "⟨_order⟩";
    public const string EmailToken = "⟨_email⟩";
    public const string PhoneToken = "⟨_phone⟩";
    public const string MoneyToken = "⟨_money⟩";
    public const string TrackingToken = "⟨_tracking⟩";

    public bool Has<T>()
        where T : RecognizedEntity => Entities.OfType<T>().Any();

    /// <summary>Replaces order numbers, emails, phone numbers, amounts and tracking numbers by their tokens.</summary>
    public static string Mask(string text, IEnumerable<RecognizedEntity> entities)
    {
        var masked = text;
        foreach (var entity in entities.OrderByDescending(e => e.Position))
        {
            var token = entity switch
            {
                OrderNumberEntity => OrderToken,
                EmailEntity => EmailToken,
                PhoneNumberEntity => PhoneToken,
                MoneyEntity => MoneyToken,
                TrackingNumberEntity => TrackingToken,
                _ => null,
            };
            if (token is not null)
            {
                masked = string.Concat(masked.AsSpan(0, entity.Position), token, masked.AsSpan(entity.End));
            }
        }

        return masked;
    }
}
