using System.Globalization;
using System.Text.RegularExpressions;
using CrmBot.Domain.Common;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

namespace CrmBot.Understanding;

/// <summary>
/// Amounts with a currency ("$5", "20 yuan", "¥20", "二十元", "20 CNY"), by Microsoft.Recognizers.Text's currency
/// model. It also reads the numbers of the text once, for the quantity and number extractor that runs later.
/// Both models are asked for with NoProtoCache, so they are instances of their own, apart from the default-option
/// models the dialog prompts use (see <see cref="Language.RecognizerCulture.Invariantly{T}"/> on why the models'
/// culture matters).
/// </summary>
internal sealed partial class MoneyExtractor : IEntityExtractor
{
    private static readonly string[] DollarCurrencies = ["USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD"];

    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        if (!MayHoldNumbers().IsMatch(text))
        {
            draft.Numbers = [];
            return;
        }

        draft.Numbers = NumberRecognizer.RecognizeNumber(text, draft.Culture, NumberOptions.NoProtoCache);
        if (draft.Numbers.Count == 0)
        {
            return;
        }

        foreach (var result in NumberWithUnitRecognizer.RecognizeCurrency(text, draft.Culture, NumberWithUnitOptions.NoProtoCache))
        {
            var resolution = result.Resolution;
            var iso = resolution?.GetValueOrDefault("isoCurrency") as string;
            var unit = resolution?.GetValueOrDefault("unit") as string;
            if (Amount(resolution?.GetValueOrDefault("value") as string) is { } amount)
            {
                Add(draft, result.Start, result.End + 1, amount, iso, unit);
            }
            else if (draft.Numbers.FirstOrDefault(n => n.Start >= result.Start && n.Start <= result.End + 2) is { } number
                && Amount(number.Resolution?.GetValueOrDefault("value") as string) is { } adjacent)
            {
                // "RMB 20" and "人民币20" come back as a currency without a value beside (or around) a number.
                var start = Math.Min(result.Start, number.Start);
                Add(draft, start, Math.Max(result.End, number.End) + 1, adjacent, iso, unit);
            }
        }
    }

    private static void Add(EntityDraft draft, int start, int end, decimal amount, string? iso, string? unit)
    {
        if (!draft.IsFree(start, end - start))
        {
            return;
        }

        var text = draft.Text[start..end];
        draft.TryAdd(new MoneyEntity { Text = text, Position = start, Amount = amount, Currency = Currency(text, iso, unit, draft.DefaultCurrency) });
    }

    private static string? Currency(string text, string? iso, string? unit, string shopCurrency)
    {
        // The recogniser reads ¥ as yen; in a Chinese shop it is the yuan sign (CNY and JPY share it).
        if (iso == "JPY" && text.AsSpan().IndexOfAny('¥', '￥') >= 0 && !Yen().IsMatch(text))
        {
            return shopCurrency is "CNY" or "JPY" ? shopCurrency : "CNY";
        }

        // "$" and "dollars" come without a country: the shop's dollar if it has one, else US dollars.
        if (iso is null && unit == "Dollar")
        {
            return DollarCurrencies.Contains(shopCurrency) ? shopCurrency : "USD";
        }

        return iso;
    }

    private static decimal? Amount(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount <= Money.MaxAmount
            ? decimal.Round(amount, Money.MaxDecimals)
            : null;

    [GeneratedRegex(@"yen|jpy|日元|円", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    private static partial Regex Yen();

    /// <summary>Digits or number words: without them the number and currency models (the costly part) are not run.</summary>
    [GeneratedRegex(@"[0-9〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟半]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|couple|half)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternTimeout.Milliseconds)]
    internal static partial Regex MayHoldNumbers();
}
