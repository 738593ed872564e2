using System.Text.RegularExpressions;
using CrmBot.Domain.Orders;

namespace CrmBot.Understanding;

/// <summary>
/// Order numbers: SO-10042 as people type it (so10042, SO 10042, SO#10042), or plain digits right after the word
/// order or 订单 ("order 10042", "订单号10042"); normalised by the domain's <see cref="OrderNumber"/>.
/// </summary>
internal sealed partial class OrderNumberExtractor : IEntityExtractor
{
    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        if (!text.Any(char.IsAsciiDigit))
        {
            return;
        }

        foreach (Match match in Prefixed().Matches(text))
        {
            Add(draft, match.Index, match.Value);
        }

        foreach (Match match in AfterTheWordOrder().Matches(draft.Unclaimed))
        {
            var digits = match.Groups["digits"];
            Add(draft, digits.Index, digits.Value);
        }
    }

    private static void Add(EntityDraft draft, int position, string text)
    {
        if (OrderNumber.Normalize(text) is { } number)
        {
            draft.TryAdd(new OrderNumberEntity { Text = text, Position = position, Number = number });
        }
    }

    // The same shape as OrderNumber's own pattern, which it uses for one number and does not expose with positions.
    [GeneratedRegex(@"(?<![A-Za-z0-9])SO[\s\-#]*[0-9]{1,12}(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Prefixed();

    // Four digits at least, so that "order 3 mugs" stays a quantity.
    [GeneratedRegex(@"(?:\border(?:\s*(?:number|no\.?|num))?|订单(?:号|编号)?)\s*(?:[:#：]\s*)?(?<digits>[0-9]{4,12})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex AfterTheWordOrder();
}
