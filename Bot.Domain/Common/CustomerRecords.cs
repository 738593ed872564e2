using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Common;

/// <summary>Checks shared by the records kept about a customer (reminders, interactions): who they name exists, pages are sane.</summary>
internal static class CustomerRecords
{
    public const int MaxPageSize = 100;

    public static PageRequest Page(int page, int pageSize) => PageRequest.Of(page, pageSize, MaxPageSize, "entries");

    /// <summary>Not-found errors for a customer or rep that does not exist, rather than a foreign key failing on save.</summary>
    public static async Task EnsureExistAsync(CrmDbContext db, Guid customerId, Guid? repId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            throw new NotFoundException("Customer", customerId.ToString());
        }

        if (repId is { } rep && !await db.SalesReps.AnyAsync(r => r.Id == rep, ct))
        {
            throw new NotFoundException("Sales rep", rep.ToString());
        }
    }
}
