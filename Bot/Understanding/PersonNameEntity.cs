namespace CrmBot.Understanding;

/// <summary>A person's name where the sentence makes it clear: "call Alice", "customer 张三", "给张三打电话".</summary>
public sealed record PersonNameEntity : RecognizedEntity
{
    public required string Name { get; init; }
}
