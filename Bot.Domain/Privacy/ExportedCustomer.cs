using CrmBot.Domain.Customers;

namespace CrmBot.Domain.Privacy;

/// <summary>The customer's profile and consent as stored.</summary>
public sealed record ExportedCustomer(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    PostalAddress? Address,
    string TimeZone,
    string PreferredLanguage,
    bool ConsentToProactiveMessages,
    Guid? AssignedRepId,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ErasedAt)
{
    public static ExportedCustomer Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Id, customer.Name, customer.Email, customer.Phone, customer.Address, customer.TimeZone, customer.PreferredLanguage,
            customer.ConsentToProactiveMessages, customer.AssignedRepId, customer.ExternalId, customer.CreatedAt, customer.UpdatedAt, customer.ErasedAt);
    }
}
