using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Common;

/// <summary>Checks shared by the records kept about a customer (reminders, interactions): who they name exists, pages are sane.</summary>
internal static class CustomerRecords
{
    public const int MaxPageSize = 100;

    public static void EnsurePage(int page, int pageSize)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainException("validation.page", $"Pages start at 1 and hold 1 to {MaxPageSize} entries (got page {page} of {pageSize}).");
        }
    }

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
