using System.Text.Json.Serialization;

namespace CrmBot.Understanding;

/// <summary>
/// Something found in the text: <see cref="Text"/> as written, at <see cref="Position"/> in
/// <see cref="RecognitionResult.Text"/>. The JSON form names the kind in a "kind" property.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OrderNumberEntity), "orderNumber")]
[JsonDerivedType(typeof(EmailEntity), "email")]
[JsonDerivedType(typeof(PhoneNumberEntity), "phoneNumber")]
[JsonDerivedType(typeof(MoneyEntity), "money")]
[JsonDerivedType(typeof(QuantityEntity), "quantity")]
[JsonDerivedType(typeof(NumberEntity), "number")]
[JsonDerivedType(typeof(DateTimeEntity), "dateTime")]
[JsonDerivedType(typeof(PersonNameEntity), "personName")]
[JsonDerivedType(typeof(CarrierEntity), "carrier")]
[JsonDerivedType(typeof(TrackingNumberEntity), "trackingNumber")]
public abstract record RecognizedEntity
{
    [JsonPropertyOrder(-2)]
    public required string Text { get; init; }

    [JsonPropertyOrder(-1)]
    public required int Position { get; init; }

    [JsonIgnore]
    public int End => Position + Text.Length;
}
