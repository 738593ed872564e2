using System.Globalization;
using System.Net.Mail;
using System.Text;
using CrmBot.Domain.Common;

namespace CrmBot.Domain.Customers;

public sealed class Customer : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int ExternalIdMaxLength = 100;

    /// <summary>The address's parts (at most 523 characters with the spaces between them), CJK characters spaced apart.</summary>
    internal const int SearchAddressMaxLength = 2 * 523;

    /// <summary>The name an erased customer's record keeps, so that orders and books still read sensibly.</summary>
    public const string ErasedName = "Erased customer";

    private Customer()
    {
    }

    public Customer(CustomerProfile profile, string defaultRegion, DateTimeOffset now)
    {
        CreatedAt = now;
        Apply(profile, defaultRegion, now);
        Raise(new CustomerCreated(Id, now));
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Lower-case name with CJK characters spaced apart, so that 张三 is found by 张 or 三.</summary>
    public string SearchName { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    /// <summary>E.164, e.g. +8613800138000.</summary>
    public string? Phone { get; private set; }

    /// <summary>Digits of the national number (13800138000), for searches typed without a country code.</summary>
    public string? PhoneNational { get; private set; }

    public PostalAddress? Address { get; private set; }

    /// <summary>The street, city, region and postal code as <see cref="SearchName"/> has a name, for customer search.</summary>
    public string? SearchAddress { get; private set; }

    /// <summary>IANA time zone id, e.g. Asia/Shanghai.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>BCP 47 culture name, e.g. en or zh-CN.</summary>
    public string PreferredLanguage { get; private set; } = "en";

    public bool ConsentToProactiveMessages { get; private set; }

    public Guid? AssignedRepId { get; private set; }

    /// <summary>The id of this customer in the shop's own system, for imports.</summary>
    public string? ExternalId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the customer's personal data was erased; null while they are a customer like any other.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public void Update(CustomerProfile profile, string defaultRegion, DateTimeOffset now) => Apply(profile, defaultRegion, now);

    public void SetConsent(bool consent, DateTimeOffset now)
    {
        ConsentToProactiveMessages = consent;
        UpdatedAt = now;
    }

    /// <summary>The language the customer asked to be spoken to in (a culture name such as en or zh-CN).</summary>
    public void SetPreferredLanguage(string language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(language);
        EnsureNotErased();
        PreferredLanguage = NormalizeLanguage(language);
        UpdatedAt = now;
    }

    public void AssignRep(Guid? repId, DateTimeOffset now)
    {
        AssignedRepId = repId;
        UpdatedAt = now;
    }

    public void SetExternalId(string? externalId) => ExternalId = Guard.Optional(externalId, "External id", ExternalIdMaxLength);

    /// <summary>
    /// A customer from the shop's own records, created when those records say. No <see cref="CustomerCreated"/>: the
    /// customer is not new to the shop, and a workflow must not greet thousands of them after an import.
    /// </summary>
    public static Customer Import(string externalId, CustomerProfile profile, DateTimeOffset createdAt, string defaultRegion, DateTimeOffset now)
    {
        var id = Guard.Required(externalId, "External id", ExternalIdMaxLength);
        var customer = new Customer(profile, defaultRegion, now) { ExternalId = id };
        customer.SetCreatedAt(Guard.NotInFuture(createdAt, "Created at", now));
        customer.ClearDomainEvents();
        return customer;
    }

    /// <summary>
    /// Takes the shop's records of this customer again; false when they hold nothing new. What people told CrmBot
    /// is kept: consent, time zone, language, and the street of an address in the same city and country.
    /// </summary>
    public bool Reimport(CustomerProfile profile, DateTimeOffset createdAt, string defaultRegion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sameCity = profile.Address is { } given && Address is { } known
            && string.Equals(given.City.Trim(), known.City, StringComparison.Ordinal)
            && string.Equals(given.Country.Trim(), known.Country, StringComparison.OrdinalIgnoreCase);
        var kept = profile with
        {
            Address = profile.Address is null || sameCity ? Address : profile.Address,
            TimeZone = null,
            PreferredLanguage = null,
            ConsentToProactiveMessages = ConsentToProactiveMessages,
        };

        // Validated and normalised on a copy first, so that an unchanged customer is not touched at all.
        var imported = new Customer(kept, defaultRegion, now);
        Guard.NotInFuture(createdAt, "Created at", now);
        if ((imported.Name, imported.Email, imported.Phone, imported.Address, createdAt) == (Name, Email, Phone, Address, CreatedAt))
        {
            return false;
        }

        Apply(kept, defaultRegion, now);
        CreatedAt = createdAt;
        return true;
    }

    /// <summary>
    /// Blanks everything that tells who the customer was; the record stays (orders keep pointing at it) under a neutral
    /// name, unfindable by search, with no consent to be messaged. The shop's external id stays: it is the shop's own key.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        Name = ErasedName;
        SearchName = string.Empty;
        Email = null;
        Phone = null;
        PhoneNational = null;
        Address = null;
        SearchAddress = null;
        TimeZone = "UTC";
        PreferredLanguage = "en";
        ConsentToProactiveMessages = false;
        ErasedAt ??= now;
        UpdatedAt = now;
    }

    internal void SetCreatedAt(DateTimeOffset createdAt)
    {
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    private void Apply(CustomerProfile profile, string defaultRegion, DateTimeOffset now)
    {
        EnsureNotErased();

        var name = Guard.Required(profile.Name, "Name", NameMaxLength);
        var email = NormalizeEmail(profile.Email);

        // The address first: its country is the region for a phone typed without a country code, and a
        // bad country must be reported as such, not as an invalid phone number.
        var address = NormalizeAddress(profile.Address);
        var region = address?.Country ?? defaultRegion;
        var phone = string.IsNullOrWhiteSpace(profile.Phone) ? null : PhoneNumberNormalizer.ToE164(profile.Phone, region);
        if (email is null && phone is null)
        {
            throw new DomainException("customer.contact_required", "A customer needs an email address or a phone number.");
        }

        var timeZone = profile.TimeZone is null ? TimeZone : NormalizeTimeZone(profile.TimeZone);
        var language = profile.PreferredLanguage is null ? PreferredLanguage : NormalizeLanguage(profile.PreferredLanguage);

        Name = name;
        SearchName = ToSearchName(name);
        Email = email;
        Phone = phone;
        PhoneNational = phone is null ? null : PhoneNumberNormalizer.NationalNumber(phone);
        Address = address;
        SearchAddress = address is null ? null : string.Join(' ', SearchWords(string.Join(' ', address.Street, address.City, address.Region, address.PostalCode)));
        TimeZone = timeZone;
        PreferredLanguage = language;
        ConsentToProactiveMessages = profile.ConsentToProactiveMessages;
        UpdatedAt = now;
    }

    private void EnsureNotErased()
    {
        if (IsErased)
        {
            throw new DomainException("customer.erased", "This customer's data was erased; their record can no longer change.");
        }
    }

    /// <summary>Lower case, CJK characters spaced apart, one space between words: how names and addresses are searched.</summary>
    internal static string ToSearchName(string name)
    {
        var builder = new StringBuilder(name.Length * 2);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (IsCjk(c))
            {
                builder.Append(' ').Append(c).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The runs of letters and digits of the text as <see cref="ToSearchName"/> has them (so a Chinese run is its
    /// characters spaced apart); anything else only separates them, as it does for SQLite's FTS5 and for pg_trgm.
    /// </summary>
    internal static IEnumerable<string> SearchWords(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in (text + " ").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                var searchable = ToSearchName(word.ToString());
                word.Clear();
                if (searchable.Length > 0)
                {
                    yield return searchable;
                }
            }
        }
    }

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    internal static string? NormalizeEmail(string? email)
    {
        var trimmed = Guard.Optional(email, "Email", EmailMaxLength);
        if (trimmed is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException("email.invalid", $"'{trimmed}' is not a valid email address.");
        }

        return trimmed.ToLowerInvariant();
    }

    private static PostalAddress? NormalizeAddress(PostalAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var country = Guard.Required(address.Country, "Country", 2).ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("address.country", $"'{address.Country}' is not a two-letter country code (e.g. CN).");
        }

        return new PostalAddress(
            Guard.Optional(address.Street, "Street", 300),
            Guard.Required(address.City, "City", 100),
            Guard.Optional(address.Region, "Region", 100),
            Guard.Optional(address.PostalCode, "Postal code", 20),
            country);
    }

    private static string NormalizeTimeZone(string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone))
        {
            throw new DomainException("customer.time_zone", $"'{timeZone}' is not a known time zone (use an IANA name such as Asia/Shanghai).");
        }

        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }

    private static string NormalizeLanguage(string language)
    {
        CultureInfo? culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            culture = null;
        }

        // An empty name is the invariant culture, which is no language at all.
        return culture is { Name.Length: > 0 }
            ? culture.Name
            : throw new DomainException("customer.language", $"'{language}' is not a known language (use e.g. en or zh-CN).");
    }
}
