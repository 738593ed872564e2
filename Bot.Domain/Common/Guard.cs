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

        return MaxLength(trimmed, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, field, maxLength);
    }

    public static int Positive(int value, string field) =>
        value > 0 ? value : throw new DomainException("validation.positive", $"{field} must be greater than zero (got {value}).");

    public static int NotNegative(int value, string field) =>
        value >= 0 ? value : throw new DomainException("validation.not_negative", $"{field} cannot be negative (got {value}).");

    public static DateTimeOffset NotInFuture(DateTimeOffset value, string field, DateTimeOffset now) =>
        value <= now ? value : throw new DomainException("validation.future", $"{field} is in the future ({value:yyyy-MM-dd HH:mm zzz}).");

    public static Money PositiveMoney(Money value, string field) =>
        value.Amount > 0 ? value : throw new DomainException("validation.positive", $"{field} must be greater than zero (got {value}).");

    private static string MaxLength(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new DomainException("validation.too_long", $"{field} is too long ({value.Length} characters; at most {maxLength}).");
}
