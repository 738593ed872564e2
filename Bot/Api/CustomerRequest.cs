using System.ComponentModel.DataAnnotations;
using CrmBot.Domain.Customers;

namespace CrmBot.Api;

/// <summary>A customer to create, or the whole of one to update. An email address or a phone number is needed.</summary>
public sealed record CustomerRequest(
    [property: Required, StringLength(Customer.NameMaxLength)] string? Name,
    [property: StringLength(Customer.EmailMaxLength)] string? Email,
    [property: StringLength(40)] string? Phone,
    AddressInput? Address = null,
    [property: StringLength(64)] string? TimeZone = null,
    [property: StringLength(35)] string? PreferredLanguage = null,
    bool ConsentToProactiveMessages = false)
{
    public CustomerProfile ToProfile() =>
        new(Name ?? string.Empty, Email, Phone, Address?.ToAddress(), TimeZone, PreferredLanguage, ConsentToProactiveMessages);
}
