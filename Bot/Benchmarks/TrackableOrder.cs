using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>An order of the demo shop and the email on it: what an anonymous visitor needs to track it.</summary>
internal sealed record TrackableOrder(string Number, string Email)
{
    /// <summary>Up to <paramref name="count"/> orders whose customer has an email, in order of their numbers.</summary>
    public static async Task<IReadOnlyList<TrackableOrder>> FindAsync(CrmDbContext db, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var orders = await db.Orders.AsNoTracking()
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Number, c.Email })
            .Where(o => o.Email != null)
            .OrderBy(o => o.Number)
            .Take(count)
            .ToListAsync(ct);
        return [.. orders.Select(o => new TrackableOrder(o.Number, o.Email!))];
    }
}
