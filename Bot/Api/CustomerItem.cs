using CrmBot.Domain.Customers;

namespace CrmBot.Api;

/// <summary>A customer in a list.</summary>
public sealed record CustomerItem(Guid Id, string Name, string? Email, string? Phone, string? City)
{
    public static CustomerItem Of(CustomerSummary customer) => new(customer.Id, customer.Name, customer.Email, customer.Phone, customer.City);
}
