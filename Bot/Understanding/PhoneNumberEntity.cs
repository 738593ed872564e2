namespace CrmBot.Understanding;

/// <summary>A valid phone number in E.164; numbers typed without a country code are read in the shop's region (Crm:DefaultRegion).</summary>
public sealed record PhoneNumberEntity : RecognizedEntity
{
    public required string E164 { get; init; }
}
