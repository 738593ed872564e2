using System.Text.RegularExpressions;

namespace CrmBot.Domain.Orders;

/// <summary>Reads order numbers the way people type them: SO-10042, so10042, "so 10042" or plain 10042.</summary>
public static partial class OrderNumber
{
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var match = Pattern().Match(text.Trim());
        return match.Success ? Order.FormatNumber(long.Parse(match.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Finds an order number inside a sentence, e.g. "where is SO-10042?".</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = InText().Match(text);
        return match.Success ? Normalize(match.Value) : null;
    }

    [GeneratedRegex(@"^(?:SO[\s\-#]*)?(?<digits>\d{1,12})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])SO[\s\-#]*\d{1,12}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();
}
