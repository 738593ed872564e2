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

        var match = Pattern().Match(Narrow(text).Trim());
        return match.Success ? Order.FormatNumber(long.Parse(match.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Finds an order number inside a sentence, e.g. "where is SO-10042?".</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = InText().Match(Narrow(text));
        return match.Success ? Normalize(match.Value) : null;
    }

    /// <summary>Full-width letters and digits (ＳＯ－１００４２, as Chinese keyboards often type them) as ASCII.</summary>
    private static string Narrow(string text) => string.Create(text.Length, text, static (narrow, wide) =>
    {
        for (var i = 0; i < wide.Length; i++)
        {
            narrow[i] = wide[i] is >= '\uFF01' and <= '\uFF5E' ? (char)(wide[i] - 0xFEE0) : wide[i];
        }
    });

    // [0-9] rather than \d, which also matches other scripts' digits (١٠٠٤٢) that long.Parse rejects.
    [GeneratedRegex(@"^(?:SO[\s\-#]*)?(?<digits>[0-9]{1,12})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])SO[\s\-#]*[0-9]{1,12}(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();
}
