namespace CrmBot.Understanding;

/// <summary>A number that is neither an amount, a quantity, a date nor part of another entity.</summary>
public sealed record NumberEntity : RecognizedEntity
{
    public required decimal Value { get; init; }
}
