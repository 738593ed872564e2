namespace CrmBot.Domain.Customers;

/// <summary>What a person gives us to create or update a customer.</summary>
public sealed record CustomerProfile(
    string Name,
    string? Email,
    string? Phone,
    PostalAddress? Address = null,
    string? TimeZone = null,
    string? PreferredLanguage = null,
    bool ConsentToProactiveMessages = false);
