using System.Text.RegularExpressions;

namespace CrmBot.Understanding;

/// <summary>
/// Carriers by their common names in English and Chinese, and tracking numbers: a run of 8 to 22 digits with
/// at most four letters before and two after, when a carrier or the words tracking number / 运单号 stand close
/// before it, or when it has a carrier's own shape (SF..., JD..., the UPU's EA123456789CN).
/// </summary>
internal sealed partial class ShipmentExtractor : IEntityExtractor
{
    /// <summary>The names the shop records shipments under (as the demo data does), with what people call them.</summary>
    /// <summary>The names the shop records shipments under (as the demo data does), with what people call them.</summary>
    private static readonly (string Carrier, Regex Pattern)[] Carriers =
    [
        // Latin names are delimited by non-alphanumerics rather than \b, which fails next to Chinese (用SF发货).
        ("SF Express", Carrier(@"{L}SF\s*Express{R}|顺丰(?:速运|快递|速递)?|{L}(?-i:SF){R}")),
        ("JD Logistics", Carrier(@"{L}JD\s*Logistics{R}|京东(?:物流|快递)|{L}(?-i:JD){R}")),
        ("ZTO", Carrier(@"{L}ZTO(?:\s*Express)?{R}|中通(?:快递|速递)?")),
        ("YTO", Carrier(@"{L}YTO(?:\s*Express)?{R}|圆通(?:快递|速递)?")),
        ("STO", Carrier(@"{L}STO\s*Express{R}|{L}(?-i:STO){R}|申通(?:快递)?")),
        ("Yunda", Carrier(@"{L}Yunda(?:\s*Express)?{R}|韵达(?:快递|速递)?")),
        ("J&T Express", Carrier(@"{L}J\s*&\s*T(?:\s*Express)?{R}|极兔(?:速递|快递)?")),
        ("Deppon", Carrier(@"{L}Deppon{R}|德邦(?:快递|物流)?")),
        ("China Post", Carrier(@"{L}China\s*Post{R}|{L}(?-i:EMS){R}|中国邮政|邮政(?:快递|包裹)?")),
        ("DHL", Carrier(@"{L}DHL{R}")),
        ("FedEx", Carrier(@"{L}Fed\s*Ex{R}|联邦快递")),
        ("UPS", Carrier(@"{L}(?-i:UPS){R}")),
        ("USPS", Carrier(@"{L}(?-i:USPS){R}")),
    ];

    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        var carriers = new List<CarrierEntity>();
        foreach (var (name, pattern) in Carriers)
        {
            foreach (Match match in pattern.Matches(text))
            {
                var carrier = new CarrierEntity { Text = match.Value, Position = match.Index, Carrier = name };
                if (draft.TryAdd(carrier))
                {
                    carriers.Add(carrier);
                }
            }
        }

        if (!text.Any(char.IsAsciiDigit))
        {
            return;
        }

        foreach (Match match in TrackingNumber().Matches(draft.Unclaimed))
        {
            var nearCarrier = carriers.Exists(c => Math.Abs(match.Index - c.End) <= 24 || Math.Abs(c.Position - (match.Index + match.Length)) <= 2);
            var afterKeyword = TrackingKeyword().IsMatch(text.AsSpan(Math.Max(0, match.Index - 24), Math.Min(24, match.Index)));
            if (nearCarrier || afterKeyword || CarrierShape().IsMatch(match.Value))
            {
                var number = match.Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                draft.TryAdd(new TrackingNumberEntity { Text = match.Value, Position = match.Index, TrackingNumber = number });
            }
        }
    }

    private static Regex Carrier(string pattern) => new(
        pattern.Replace("{L}", "(?<![A-Za-z0-9])", StringComparison.Ordinal).Replace("{R}", "(?![A-Za-z0-9])", StringComparison.Ordinal),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{0,4}[0-9]{8,22}[A-Za-z]{0,2}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex TrackingNumber();

    [GeneratedRegex(@"tracking|waybill|运单|快递单|物流单|单号", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex TrackingKeyword();

    [GeneratedRegex(@"^(?:SF[0-9]{10,15}|JD[A-Z]{0,3}[0-9]{10,15}|[A-Z]{2}[0-9]{9}[A-Z]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex CarrierShape();
}
