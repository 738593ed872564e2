namespace CrmBot.Understanding;

/// <summary>A parcel carrier, by the name the shop uses: "SF Express" for 顺丰 or SF, "JD Logistics" for 京东 ...</summary>
public sealed record CarrierEntity : RecognizedEntity
{
    public required string Carrier { get; init; }
}
