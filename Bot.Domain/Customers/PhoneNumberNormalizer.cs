using CrmBot.Domain.Common;
using PhoneNumbers;

namespace CrmBot.Domain.Customers;

/// <summary>Turns what people type ("138 0013 8000", "+86 138-0013-8000") into E.164.</summary>
public static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="raw">The number as typed.</param>
    /// <param name="defaultRegion">ISO 3166 region used when the number has no country code.</param>
    public static string ToE164(string raw, string defaultRegion)
    {
        if (!TryToE164(raw, defaultRegion, out var e164))
        {
            throw new DomainException("phone.invalid", $"'{raw}' is not a valid phone number.");
        }

        return e164;
    }

    public static bool TryToE164(string? raw, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            return false;
        }

        try
        {
            var number = Util.Parse(raw, defaultRegion.ToUpperInvariant());
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>The national significant number, e.g. 13800138000 for +8613800138000.</summary>
    public static string NationalNumber(string e164)
    {
        var number = Util.Parse(e164, null);
        return Util.GetNationalSignificantNumber(number);
    }
}
