namespace CrmBot.Domain.Customers;

/// <summary>A postal address; Country is an ISO 3166 alpha-2 code.</summary>
public sealed record PostalAddress(string Street, string City, string? Region, string? PostalCode, string Country);
