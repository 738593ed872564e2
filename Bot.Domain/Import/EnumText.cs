using CrmBot.Domain.Common;

namespace CrmBot.Domain.Import;

/// <summary>Reads an enum member's name as people write it: in any case, with spaces, dashes or underscores (partially_refunded).</summary>
internal static class EnumText
{
    /// <param name="text">The value as the file has it.</param>
    /// <param name="what">What the value is, for the error: "an order status".</param>
    /// <param name="name">How the names are shown in the error, e.g. lower-cased.</param>
    public static TEnum Parse<TEnum>(string? text, string what, Func<string, string> name)
        where TEnum : struct, Enum
    {
        var letters = string.Concat((text ?? string.Empty).Where(c => c is not ('_' or '-' or ' ')));

        // Letters only: Enum.TryParse would also take numbers and comma-separated combinations.
        if (letters.Length > 0 && letters.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(letters, ignoreCase: true, out var value))
        {
            return value;
        }

        var names = Enum.GetNames<TEnum>().Select(name).ToList();
        throw new DomainException("import.unknown_name", $"'{text}' is not {what} ({string.Join(", ", names[..^1])} or {names[^1]}).");
    }
}
