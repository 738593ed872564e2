namespace CrmBot.Understanding;

/// <summary>An order number, normalised: "so 10042" and "订单号10042" give SO-10042.</summary>
public sealed record OrderNumberEntity : RecognizedEntity
{
    public required string Number { get; init; }
}
