namespace CrmBot.Understanding;

public sealed record EmailEntity : RecognizedEntity
{
    public required string Address { get; init; }
}
