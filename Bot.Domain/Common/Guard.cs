using System.Globalization;

namespace CrmBot.Domain.Common;

/// <summary>Argument checks that raise domain errors a person can read.</summary>
internal static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("validation.required", $"{field} is required.");
        }

        return Text(MaxLength(trimmed, field, maxLength), field);
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Text(MaxLength(trimmed, field, maxLength), field);
    }

    public static int Positive(int value, string field) =>
        value > 0 ? value : throw new DomainException("validation.positive", $"{field} must be greater than zero (got {value}).");

    public static int NotNegative(int value, string field) =>
        value >= 0 ? value : throw new DomainException("validation.not_negative", $"{field} cannot be negative (got {value}).");

    public static DateTimeOffset NotInFuture(DateTimeOffset value, string field, DateTimeOffset now) =>
        value <= now ? value : throw new DomainException("validation.future", $"{field} is in the future ({value:yyyy-MM-dd HH:mm zzz}).");

    public static Money PositiveMoney(Money value, string field) =>
        value.Amount > 0 ? value : throw new DomainException("validation.positive", string.Create(CultureInfo.InvariantCulture, $"{field} must be greater than zero (got {value})."));

    /// <summary>
    /// Refuses what is not text: control characters other than tab and line breaks, broken surrogate pairs and
    /// noncharacters. PostgreSQL refuses NUL and broken pairs outright, and search normalisation throws on U+FFFE.
    /// </summary>
    private static string Text(string value, string field)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || TextCharacters.IsNoncharacter(c))
            {
                throw new DomainException("validation.not_text", $"{field} contains a character that is not text (U+{(int)c:X4} at position {i + 1}).");
            }
        }

        return value;
    }

    private static string MaxLength(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new DomainException("validation.too_long", $"{field} is too long ({value.Length} characters; at most {maxLength}).");
}
