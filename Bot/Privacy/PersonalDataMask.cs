using System.Text.RegularExpressions;

namespace CrmBot.Privacy;

/// <summary>
/// Masks emails (<c>a***@example.com</c>) and phone numbers (<c>***8000</c>) in text bound for logs. Phone numbers are
/// international ones (+86 138 0013 8000), Chinese mobiles (138-0013-8000) and runs of 7 to 15 digits; dates, order
/// numbers (SO-10042), tracking numbers (SF1234567890) and ids stay readable.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Masked = "***";

    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Emails().Replace(text, email => $"{email.Value[0]}{Masked}{email.Value[email.Value.IndexOf('@', StringComparison.Ordinal)..]}");
        return Phones().Replace(masked, phone =>
        {
            var digits = phone.Value.Where(char.IsAsciiDigit).ToArray();
            return Masked + new string(digits[^4..]);
        });
    }

    /// <summary>
    /// A value known to be personal data: its emails and phone numbers masked as by <see cref="Mask"/>, and anything
    /// else (a name) masked whole.
    /// </summary>
    public static string MaskWhole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var masked = Mask(value);
        return value.Length == 0 || !string.Equals(masked, value, StringComparison.Ordinal) ? masked : Masked;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Emails();

    [GeneratedRegex(@"\+\d(?:[\s\-()]*\d){6,14}|(?<![\w\-./:])1[3-9]\d(?:[\s\-]?\d){8}(?![\w\-./:])|(?<![\w\-./:])\d{7,15}(?![\w\-./:])", RegexOptions.CultureInvariant)]
    private static partial Regex Phones();
}
