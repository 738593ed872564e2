namespace CrmBot.Domain.Common;

/// <summary>
/// A page a caller asked for, checked: its number is 1 or more, its size within what the list allows, and the rows
/// before it fit the database's offset (a page past <see cref="int.MaxValue"/> rows would overflow to a negative
/// offset, which SQLite reads as 0 and PostgreSQL refuses).
/// </summary>
public readonly record struct PageRequest
{
    private PageRequest(int number, int size) => (Number, Size) = (number, size);

    public int Number { get; }

    public int Size { get; }

    /// <summary>The rows before the page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>One row more than the page holds, to learn whether another page follows.</summary>
    public int Take => Size + 1;

    /// <summary>
    /// Page <paramref name="number"/> of <paramref name="size"/> <paramref name="items"/>, at most
    /// <paramref name="maxSize"/> a page.
    /// </summary>
    /// <exception cref="DomainException">validation.page or validation.page_size, saying what is allowed.</exception>
    public static PageRequest Of(int number, int size, int maxSize, string items)
    {
        if (size < 1 || size > maxSize)
        {
            throw new DomainException("validation.page_size", $"A page holds 1 to {maxSize} {items} (got {size}).");
        }

        var last = (int.MaxValue - 1) / size;
        if (number < 1 || number > last)
        {
            throw new DomainException("validation.page", $"Pages of {size} {items} are numbered 1 to {last:N0} (got {number}).");
        }

        return new PageRequest(number, size);
    }

    /// <summary>The page made of what was read with <see cref="Skip"/> and <see cref="Take"/>.</summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> found) => new([.. found.Take(Size)], Number, Size, found.Count > Size);
}
