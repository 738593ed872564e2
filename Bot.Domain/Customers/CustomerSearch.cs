using System.Text;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Customers;

/// <summary>
/// Finds customers by what a person remembers of them. Order numbers, emails and phone numbers go
/// through their indexes; names (and the words of emails) through the SQLite FTS5 index
/// CustomerSearchIndex, ranked by bm25, so a search never scans the table.
/// </summary>
public sealed class CustomerSearch(CrmDbContext db, IOptions<CrmOptions> options)
{
    public const int MaxPageSize = 100;
    private const int MaxQueryLength = 200;

    public async Task<Page<CustomerSummary>> SearchAsync(string? query, int page, int pageSize, CancellationToken ct)
    {
        if (page < 1)
        {
            throw new DomainException("validation.page", $"Page numbers start at 1 (got {page}).");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainException("validation.page_size", $"A page holds 1 to {MaxPageSize} customers (got {pageSize}).");
        }

        var text = query?.Trim() ?? string.Empty;
        if (text.Length > MaxQueryLength)
        {
            throw new DomainException("validation.too_long", $"A search can be at most {MaxQueryLength} characters long.");
        }

        var skip = (page - 1) * pageSize;
        var found = await FindAsync(text, skip, pageSize + 1, ct);
        return new Page<CustomerSummary>(found.Take(pageSize).Select(CustomerSummary.Of).ToList(), page, pageSize, found.Count > pageSize);
    }

    private async Task<List<Customer>> FindAsync(string text, int skip, int take, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking();
        if (text.Length == 0)
        {
            return await customers.OrderBy(c => c.SearchName).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);
        }

        if (OrderNumber.Find(text) is { } number && (text.StartsWith("SO", StringComparison.OrdinalIgnoreCase) || OrderNumber.Normalize(text) == number))
        {
            var byOrder = await customers
                .Where(c => db.Orders.Any(o => o.Number == number && o.CustomerId == c.Id))
                .ToListAsync(ct);
            if (byOrder.Count > 0 || text.StartsWith("SO", StringComparison.OrdinalIgnoreCase))
            {
                return byOrder.Skip(skip).Take(take).ToList();
            }
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToLowerInvariant();
            var upper = email + char.MaxValue;
            return await customers
                .Where(c => c.Email != null && c.Email.CompareTo(email) >= 0 && c.Email.CompareTo(upper) < 0)
                .OrderBy(c => c.Email!.Length).ThenBy(c => c.Email).Skip(skip).Take(take).ToListAsync(ct);
        }

        if (LooksLikePhone(text, out var digits))
        {
            if (PhoneNumberNormalizer.TryToE164(text, options.Value.DefaultRegion, out var e164))
            {
                var exact = await customers.Where(c => c.Phone == e164).OrderBy(c => c.SearchName).Skip(skip).Take(take).ToListAsync(ct);
                if (exact.Count > 0 || skip > 0)
                {
                    return exact;
                }
            }

            // Typed without its country code, or only the first digits: a prefix of the national number.
            var upper = digits + char.MaxValue;
            return await customers
                .Where(c => c.PhoneNational != null && c.PhoneNational.CompareTo(digits) >= 0 && c.PhoneNational.CompareTo(upper) < 0)
                .OrderBy(c => c.PhoneNational).Skip(skip).Take(take).ToListAsync(ct);
        }

        var match = ToFtsQuery(text);
        if (match.Length == 0)
        {
            return [];
        }

        return await db.Customers
            .FromSql($"""
                SELECT c.* FROM Customers AS c
                JOIN CustomerSearchIndex AS s ON s.rowid = c.rowid
                WHERE CustomerSearchIndex MATCH {match}
                ORDER BY bm25(CustomerSearchIndex, 10.0, 1.0), length(c.Name), c.Id
                LIMIT {take} OFFSET {skip}
                """)
            .AsNoTracking()
            .ToListAsync(ct);
    }

    private static bool LooksLikePhone(string text, out string digits)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+' or '.'))
            {
                digits = string.Empty;
                return false;
            }
        }

        digits = builder.ToString();
        if (text.TrimStart().StartsWith('+') && PhoneNumberNormalizer.TryToE164(text, "ZZ", out var e164))
        {
            digits = PhoneNumberNormalizer.NationalNumber(e164);
        }

        return digits.Length >= 4;
    }

    /// <summary>Every word of the query as a quoted prefix term, so FTS5 syntax typed by a user is just text.</summary>
    internal static string ToFtsQuery(string text)
    {
        var words = Customer.ToSearchName(text)
            .Split([' ', '"', '*', '^', ':', '(', ')', '{', '}', '+', '-', '.', ',', '@', '\'', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Take(8);
        return string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
    }
}
