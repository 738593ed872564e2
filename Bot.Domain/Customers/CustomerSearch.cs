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
/// words of emails) the SQLite FTS5 index CustomerSearchIndex (addresses: CustomerAddressIndex) or
/// PostgreSQL's pg_trgm indexes, so a search never scans the table.
/// </summary>
public sealed class CustomerSearch(CrmDbContext db, IOptions<CrmOptions> options)
{
    public const int MaxPageSize = 100;
    private const int MaxQueryLength = 200;

    public async Task<Page<CustomerSummary>> SearchAsync(string? query, int page, int pageSize, CancellationToken ct)
    {
        var request = PageRequest.Of(page, pageSize, MaxPageSize, "customers");

        // Control characters are no part of a name, and PostgreSQL refuses a NUL in text.
        var text = string.Concat((query ?? string.Empty).Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        if (text.Length > MaxQueryLength)
        {
            throw new DomainException("validation.too_long", $"A search can be at most {MaxQueryLength} characters long.");
        }

        var found = await FindAsync(text, request.Skip, request.Take, ct);
        return request.PageOf(found.ConvertAll(CustomerSummary.Of));
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
            var byPhone = customers.Where(c => c.PhoneNational != null && c.PhoneNational.CompareTo(digits) >= 0 && c.PhoneNational.CompareTo(upper) < 0);
            var found = await byPhone.OrderBy(c => c.PhoneNational).Skip(skip).Take(take).ToListAsync(ct);

            // Digits that start no phone number may be a postal code (100020) or a house number.
            if (found.Count > 0 || await byPhone.AnyAsync(ct))
            {
                return found;
            }
        }

        return await FindByNameAsync(text, skip, take, ct);
    }

    /// <summary>
    /// Best first, in passes that each read only what the page needs: names that start with the query (alphabetically,
    /// from the SearchName index), then names with a later word that starts with it, then emails with such a word, then
    /// addresses (SQLite: the FTS5 indexes, in their own order; PostgreSQL: pg_trgm indexes). Nothing sorts the whole match
    /// set of a name's start, so a common surname costs no more than a rare one.
    /// </summary>
    private async Task<List<Customer>> FindByNameAsync(string text, int skip, int take, CancellationToken ct)
    {
        var prefix = Customer.ToSearchName(text);
        var upper = prefix + char.MaxValue;
        var startsWith = db.Customers.AsNoTracking().Where(c => c.SearchName.CompareTo(prefix) >= 0 && c.SearchName.CompareTo(upper) < 0);
        var passes = new List<SearchPass> { OrderedPass(startsWith, ct) };
        var terms = SearchTerms(text);
        if (terms.Count > 0 && db.Database.IsSqlite())
        {
            var all = string.Join(" AND ", terms.Select(FullTextPhrase));
            var inName = $"SearchName : ({all})";
            var inEmail = $"Email : ({all})";
            passes.Add(FullTextPass(inName, prefix, upper, ct));
            passes.Add(FullTextPass($"{inEmail} NOT {inName}", prefix, upper, ct));
            passes.Add(AddressPass(all, $"{inName} OR {inEmail}", prefix, upper, ct));
        }
        else if (terms.Count > 0)
        {
            // Each expression is the one a pg_trgm index of migration ChineseSearch was built on, so that LIKE uses it.
            var later = db.Customers.AsNoTracking().Where(c => !(c.SearchName.CompareTo(prefix) >= 0 && c.SearchName.CompareTo(upper) < 0));
            var inName = later;
            var inEmail = later.Where(c => c.Email != null);
            var inAddress = later.Where(c => c.SearchAddress != null);
            foreach (var term in terms)
            {
                var pattern = $"% {LikePattern.Escaped(term)}%";
                inName = inName.Where(c => EF.Functions.Like(" " + c.SearchName, pattern, LikePattern.EscapeCharacter));
                inEmail = inEmail.Where(c => EF.Functions.Like(
                    " " + c.Email!.Replace(".", " ").Replace("@", " ").Replace("_", " ").Replace("-", " ").Replace("+", " "), pattern, LikePattern.EscapeCharacter));
                inAddress = inAddress.Where(c => EF.Functions.Like(" " + c.SearchAddress, pattern, LikePattern.EscapeCharacter));
            }

            var emailNotName = inEmail.Where(c => !inName.Any(n => n.Id == c.Id));
            passes.Add(OrderedPass(inName, ct));
            passes.Add(OrderedPass(emailNotName, ct));
            passes.Add(OrderedPass(inAddress.Where(c => !inName.Any(n => n.Id == c.Id) && !emailNotName.Any(e => e.Id == c.Id)), ct));
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
            toSkip = page.Count > 0 || toSkip == 0 ? 0 : Math.Max(0, toSkip - await pass.Count());
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

    /// <summary>Addresses from their own FTS5 index, without the customers that <paramref name="found"/> already found.</summary>
    private SearchPass AddressPass(string match, string found, string prefix, string upper, CancellationToken ct) => new(
        (skip, take) => db.Customers
            .FromSql($"""
                SELECT c.* FROM CustomerAddressIndex AS s
                JOIN Customers AS c ON c.rowid = s.rowid
                WHERE CustomerAddressIndex MATCH {match} AND NOT (c.SearchName >= {prefix} AND c.SearchName < {upper})
                    AND c.rowid NOT IN (SELECT rowid FROM CustomerSearchIndex WHERE CustomerSearchIndex MATCH {found})
                ORDER BY s.rowid
                LIMIT {take} OFFSET {skip}
                """)
            .AsNoTracking()
            .ToListAsync(ct),
        async () => (await db.Database
            .SqlQuery<int>($"""
                SELECT COUNT(*) AS Value FROM CustomerAddressIndex AS s
                JOIN Customers AS c ON c.rowid = s.rowid
                WHERE CustomerAddressIndex MATCH {match} AND NOT (c.SearchName >= {prefix} AND c.SearchName < {upper})
                    AND c.rowid NOT IN (SELECT rowid FROM CustomerSearchIndex WHERE CustomerSearchIndex MATCH {found})
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
    /// What the query's words must each start: its runs of letters and digits as the indexes have them (lower case, a
    /// Chinese character a word of its own, so 小明 is the two words 小 明 in a row), at most eight. Everything else
    /// typed, FTS5 or LIKE syntax included, only separates them.
    /// </summary>
    internal static IReadOnlyList<string> SearchTerms(string text) => [.. Customer.SearchWords(text).Distinct().Take(8)];

    /// <summary>
    /// An FTS5 phrase of the term's words, the last one a prefix unless it is a Chinese character, a whole word already
    /// (a prefix query reads every such word's entries, a phrase only the word's own: ten times faster for 人民路).
    /// </summary>
    private static string FullTextPhrase(string term) => Customer.IsCjk(term[^1]) ? $"\"{term}\"" : $"\"{term}\"*";
}
