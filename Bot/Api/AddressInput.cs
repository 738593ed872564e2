using System.ComponentModel.DataAnnotations;
using CrmBot.Domain.Customers;

namespace CrmBot.Api;

/// <summary>A postal address; the country is a two-letter ISO 3166 code (e.g. CN).</summary>
public sealed record AddressInput(
    [property: StringLength(300)] string? Street,
    [property: Required, StringLength(100)] string? City,
    [property: StringLength(100)] string? Region,
    [property: StringLength(20)] string? PostalCode,
    [property: Required, StringLength(2, MinimumLength = 2)] string? Country)
{
    public PostalAddress ToAddress() => new(Street, City ?? string.Empty, Region, PostalCode, Country ?? string.Empty);
}
