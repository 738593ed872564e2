using CrmBot.Domain.Customers;

namespace CrmBot.Api;

/// <summary>Everything the API shows of a customer.</summary>
public sealed record CustomerDetails(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    AddressInput? Address,
    string TimeZone,
    string PreferredLanguage,
    bool ConsentToProactiveMessages,
    Guid? AssignedRepId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CustomerDetails Of(Customer customer) => new(
        customer.Id,
        customer.Name,
        customer.Email,
        customer.Phone,
        customer.Address is { } a ? new AddressInput(a.Street, a.City, a.Region, a.PostalCode, a.Country) : null,
        customer.TimeZone,
        customer.PreferredLanguage,
        customer.ConsentToProactiveMessages,
        customer.AssignedRepId,
        customer.CreatedAt,
        customer.UpdatedAt);
}
