namespace CrmBot.Understanding;

/// <summary>How many of something: "3 blue mugs", "three", "三个".</summary>
public sealed record QuantityEntity : RecognizedEntity
{
    public required int Value { get; init; }
}
