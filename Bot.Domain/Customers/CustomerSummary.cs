namespace CrmBot.Domain.Customers;

/// <summary>One line of a customer search result.</summary>
public sealed record CustomerSummary(Guid Id, string Name, string? Email, string? Phone, string? City)
{
    public static CustomerSummary Of(Customer customer) =>
        new(customer.Id, customer.Name, customer.Email, customer.Phone, customer.Address?.City);
}
