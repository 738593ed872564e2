using CrmBot.Domain.Customers;
using Microsoft.Recognizers.Text.Sequence;

namespace CrmBot.Understanding;

/// <summary>
/// Phone numbers found by Microsoft.Recognizers.Text's sequence recogniser and kept only when libphonenumber
/// finds them valid (in the shop's region when typed without a country code), as E.164.
/// </summary>
internal sealed class PhoneNumberExtractor : IEntityExtractor
{
    public void Extract(EntityDraft draft)
    {
        var text = draft.Unclaimed;
        if (text.Count(char.IsAsciiDigit) < 7)
        {
            return;
        }

        foreach (var result in SequenceRecognizer.RecognizePhoneNumber(text, draft.Culture))
        {
            // The recogniser sometimes runs on into the next number ("13800138000 2 mugs"): drop trailing groups until valid.
            for (var span = draft.FreeSpan(result); !string.IsNullOrEmpty(span); span = span[..Math.Max(0, span.LastIndexOf(' '))].TrimEnd())
            {
                if (PhoneNumberNormalizer.TryToE164(span, draft.DefaultRegion, out var e164))
                {
                    draft.TryAdd(new PhoneNumberEntity { Text = span, Position = result.Start, E164 = e164 });
                    break;
                }
            }
        }
    }
}
