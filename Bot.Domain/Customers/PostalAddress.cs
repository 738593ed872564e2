using System.Globalization;

namespace CrmBot.Domain.Customers;

/// <summary>
/// A postal address; Country is an ISO 3166 alpha-2 code. The street may be unknown: a shop's records often give
/// only the city and country. Formatted with a culture it reads as people write it: an address in Chinese big to
/// small without spaces ("北京市朝阳区人民路1号，100020"), any other street, city, region and postal code; the country
/// is left out where the reader lives in it.
/// </summary>
public sealed record PostalAddress(string? Street, string City, string? Region, string? PostalCode, string Country) : IFormattable
{
    /// <summary>The address as read in <paramref name="provider"/>'s culture, the current culture when null.</summary>
    public string ToString(IFormatProvider? provider) => ToString(null, provider);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!string.IsNullOrEmpty(format) && format != "G")
        {
            throw new FormatException($"A postal address has only the general format (G), not '{format}'.");
        }

        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        var country = IsHomeOf(culture) ? null : CountryName(culture);
        var chineseReader = culture.TwoLetterISOLanguageName == "zh";
        if (new[] { Street, City, Region }.Any(part => part is not null && part.Any(Customer.IsCjk)))
        {
            // A municipality's region (北京市) already names its city (北京).
            var city = CityInChinese();
            var province = Region?.Trim() ?? string.Empty;
            var lines = province.StartsWith(city, StringComparison.Ordinal) ? province + Street?.Trim() : province + city + Street?.Trim();
            lines = string.IsNullOrWhiteSpace(PostalCode) ? lines : $"{lines}，{PostalCode.Trim()}";
            return country is null ? lines : chineseReader ? country + lines : $"{lines}, {country}";
        }

        // "New York, NY 10001", "Singapore 238801": the postal code follows the region, or the city where there is none.
        var region = string.Equals(Region?.Trim(), City.Trim(), StringComparison.OrdinalIgnoreCase) ? null : Region;
        return string.IsNullOrWhiteSpace(region)
            ? Join(", ", Street, Join(" ", City, PostalCode), country)
            : Join(", ", Street, City, Join(" ", region, PostalCode), country);
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));

    /// <summary>A city is written with its 市 (深圳市) unless its name already ends in a unit of its own (深圳市, 浦东新区, 某某县).</summary>
    private string CityInChinese()
    {
        var city = City.Trim();
        string[] units = ["市", "区", "县", "旗", "盟", "自治州", "地区"];
        return city.Length == 0 || !city.All(Customer.IsCjk) || units.Any(unit => city.EndsWith(unit, StringComparison.Ordinal)) ? city : city + "市";
    }

    private bool IsHomeOf(CultureInfo culture)
    {
        if (culture.IsNeutralCulture || culture.Equals(CultureInfo.InvariantCulture))
        {
            return false;
        }

        try
        {
            return string.Equals(new RegionInfo(culture.Name).TwoLetterISORegionName, Country, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// .NET names a country in English and in its own language only: a Chinese reader sees 中国 or 台灣, a foreign country
    /// in English, as the address itself is written.
    /// </summary>
    private string CountryName(CultureInfo culture)
    {
        try
        {
            var region = new RegionInfo(Country);
            return culture.TwoLetterISOLanguageName == "zh" && region.NativeName.Any(Customer.IsCjk) ? region.NativeName : region.EnglishName;
        }
        catch (ArgumentException)
        {
            return Country;
        }
    }
}
