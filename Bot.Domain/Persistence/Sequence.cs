namespace CrmBot.Domain.Persistence;

/// <summary>A named counter (e.g. order numbers), advanced inside the transaction that uses it.</summary>
internal sealed class Sequence
{
    public const string OrderNumbers = "order_numbers";

    /// <summary>The first order is SO-10001.</summary>
    public const long OrderNumbersStart = 10_000;

    public required string Name { get; init; }

    public long Value { get; set; }
}
