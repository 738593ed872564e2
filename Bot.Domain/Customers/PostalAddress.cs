namespace CrmBot.Domain.Customers;

/// <summary>
/// A postal address; Country is an ISO 3166 alpha-2 code. The street may be unknown: a shop's records often give
/// only the city and country.
/// </summary>
public sealed record PostalAddress(string? Street, string City, string? Region, string? PostalCode, string Country);
