using System.Text.RegularExpressions;
using CrmBot.Domain.Customers;

namespace CrmBot.Domain.Privacy;

/// <summary>
/// Takes a customer's name (whole, and each word of it), email address and phone numbers out of free text such as an
/// order's history notes, putting <see cref="Customer.ErasedName"/> in their place.
/// </summary>
/// <remarks>Latin words match whole ("Li" is not taken out of "delivery"); CJK names match anywhere, as CJK text has no spaces.</remarks>
internal sealed class ErasedText
{
    private readonly Regex? _pattern;

    public ErasedText(Customer customer)
    {
        // An erased customer's name is the placeholder itself, which must stay.
        var name = customer.IsErased ? null : customer.Name;
        var terms = new[] { name, customer.Email, customer.Phone, customer.PhoneNational }
            .Concat(name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 2) ?? [])
            .OfType<string>()
            .Where(term => term.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(term => term.Length)
            .Select(Regex.Escape)
            .ToList();
        _pattern = terms.Count == 0
            ? null
            : new Regex($"(?<![A-Za-z0-9])(?:{string.Join('|', terms)})(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string? Scrub(string? text) => text is null || _pattern is null ? text : _pattern.Replace(text, Customer.ErasedName);
}
