namespace CrmBot.Understanding;

/// <summary>A parcel's tracking number, upper-case without spaces, e.g. SF1234567890.</summary>
public sealed record TrackingNumberEntity : RecognizedEntity
{
    public required string TrackingNumber { get; init; }
}
