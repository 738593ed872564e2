using System.Text;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Customers;

/// <summary>
/// Finds customers by what a person remembers of them. Order numbers, emails and phone numbers go
/// through their indexes; names through the SearchName index and (for later words of a name, and the
/// words of emails) the SQLite FTS5 index CustomerSearchIndex, so a search never scans the table.
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

        // Control characters are no part of a name, and PostgreSQL refuses a NUL in text.
        var text = string.Concat((query ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c)).Trim();
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

            // Only the first digits: a prefix of the E.164 number if typed with its country code ("+86 138"),
            // else of the national number.
            if (text.TrimStart().StartsWith('+'))
            {
                var international = "+" + string.Concat(text.Where(char.IsAsciiDigit));
                var internationalUpper = international + char.MaxValue;
                return await customers
                    .Where(c => c.Phone != null && c.Phone.CompareTo(international) >= 0 && c.Phone.CompareTo(internationalUpper) < 0)
                    .OrderBy(c => c.Phone).Skip(skip).Take(take).ToListAsync(ct);
            }

            var upper = digits + char.MaxValue;
            return await customers
                .Where(c => c.PhoneNational != null && c.PhoneNational.CompareTo(digits) >= 0 && c.PhoneNational.CompareTo(upper) < 0)
                .OrderBy(c => c.PhoneNational).Skip(skip).Take(take).ToListAsync(ct);
        }

        return await FindByNameAsync(text, skip, take, ct);
    }

    /// <summary>
    /// Best first, in three passes that each read only what the page needs: names that start with the
    /// query (alphabetically, from the SearchName index), then names with a later word that starts with
    /// it, then emails with such a word (both from the FTS5 index, in its own order). Nothing sorts the
    /// whole match set, so a common surname costs no more than a rare one.
    /// </summary>
    private async Task<List<Customer>> FindByNameAsync(string text, int skip, int take, CancellationToken ct)
    {
        var prefix = Customer.ToSearchName(text);
        var upper = prefix + char.MaxValue;
        var startsWith = db.Customers.AsNoTracking().Where(c => c.SearchName.CompareTo(prefix) >= 0 && c.SearchName.CompareTo(upper) < 0);
        var passes = new List<SearchPass> { OrderedPass(startsWith, ct) };
        var words = SearchWords(text);
        if (words.Count > 0 && db.Database.IsSqlite())
        {
            var terms = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
            var inName = $"SearchName : ({terms})";
            passes.Add(FullTextPass(inName, prefix, upper, ct));
            passes.Add(FullTextPass($"Email : ({terms}) NOT {inName}", prefix, upper, ct));
        }
        else if (words.Count > 0)
        {
            // PostgreSQL has no FTS5: the same matches with LIKE on the words of the name and of the email (a scan).
            var later = db.Customers.AsNoTracking().Where(c => !(c.SearchName.CompareTo(prefix) >= 0 && c.SearchName.CompareTo(upper) < 0));
            var inName = later;
            var inEmail = later.Where(c => c.Email != null);
            foreach (var word in words)
            {
                var pattern = $"% {LikePattern.Escaped(word)}%";
                inName = inName.Where(c => EF.Functions.Like(" " + c.SearchName, pattern, LikePattern.EscapeCharacter));
                inEmail = inEmail.Where(c => EF.Functions.Like(
                    " " + c.Email!.Replace(".", " ").Replace("@", " ").Replace("_", " ").Replace("-", " ").Replace("+", " "), pattern, LikePattern.EscapeCharacter));
            }

            passes.Add(OrderedPass(inName, ct));
            passes.Add(OrderedPass(inEmail.Where(c => !inName.Any(n => n.Id == c.Id)), ct));
        }

        var found = new List<Customer>(take);
        var toSkip = skip;
        foreach (var pass in passes)
        {
            var page = await pass.Fetch(toSkip, take - found.Count);
            found.AddRange(page);
            if (found.Count == take)
            {
                break;
            }

            // This pass ran out: it used up all that was left to skip, or (if it gave nothing) its whole count of it.
            toSkip = page.Count > 0 ? 0 : Math.Max(0, toSkip - await pass.Count());
        }

        return found;
    }

    private static SearchPass OrderedPass(IQueryable<Customer> matches, CancellationToken ct) => new(
        (skip, take) => matches.OrderBy(c => c.SearchName).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(ct),
        () => matches.CountAsync(ct));

    private SearchPass FullTextPass(string match, string prefix, string upper, CancellationToken ct) => new(
        (skip, take) => db.Customers
            .FromSql($"""
                SELECT c.* FROM CustomerSearchIndex AS s
                JOIN Customers AS c ON c.rowid = s.rowid
                WHERE CustomerSearchIndex MATCH {match} AND NOT (c.SearchName >= {prefix} AND c.SearchName < {upper})
                ORDER BY s.rowid
                LIMIT {take} OFFSET {skip}
                """)
            .AsNoTracking()
            .ToListAsync(ct),
        async () => (await db.Database
            .SqlQuery<int>($"""
                SELECT COUNT(*) AS Value FROM CustomerSearchIndex AS s
                JOIN Customers AS c ON c.rowid = s.rowid
                WHERE CustomerSearchIndex MATCH {match} AND NOT (c.SearchName >= {prefix} AND c.SearchName < {upper})
                """)
            .ToListAsync(ct)).Single());

    /// <summary>One source of results, in its own order: a page of it, and how many it holds in all.</summary>
    private sealed record SearchPass(Func<int, int, Task<List<Customer>>> Fetch, Func<Task<int>> Count);

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

    /// <summary>
    /// The words of the query as the index has them (lower case, each Chinese character a word), at most eight;
    /// FTS5 syntax typed by a user is just text.
    /// </summary>
    internal static IReadOnlyList<string> SearchWords(string text) =>
        [.. Customer.ToSearchName(text)
            .Split([' ', '"', '*', '^', ':', '(', ')', '{', '}', '+', '-', '.', ',', '@', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Take(8)];

}
