namespace CrmBot.Domain.Customers;

/// <summary>What a person gives us to create or update a customer.</summary>
public sealed record CustomerProfile(
    string Name,
    string? Email,
    string? Phone,
    PostalAddress? Address = null,
    string? TimeZone = null,
    string? PreferredLanguage = null,
    bool ConsentToProactiveMessages = false)
{
    /// <summary>A profile from one contact a person typed: an email address if it has an @, else a phone number.</summary>
    public static CustomerProfile WithContact(string name, string contact, string? preferredLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var trimmed = contact.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal)
            ? new CustomerProfile(name, trimmed, null, PreferredLanguage: preferredLanguage)
            : new CustomerProfile(name, null, trimmed, PreferredLanguage: preferredLanguage);
    }
}
