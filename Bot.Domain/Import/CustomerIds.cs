using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Import;

/// <summary>The customers a batch of orders or interactions refers to, by their external ids.</summary>
internal sealed class CustomerIds
{
    private Dictionary<string, Guid> _ids = [];

    public async Task LoadAsync(CrmDbContext db, IEnumerable<string> externalIds, CancellationToken ct)
    {
        var wanted = externalIds.Select(id => id.Trim()).Distinct().ToList();
        _ids = await db.Customers
            .Where(c => EF.Parameter(wanted).Contains(c.ExternalId!))
            .ToDictionaryAsync(c => c.ExternalId!, c => c.Id, StringComparer.Ordinal, ct);
    }

    public Guid Find(string externalId) =>
        _ids.TryGetValue(externalId.Trim(), out var id)
            ? id
            : throw new DomainException(
                "import.unknown_customer",
                $"No customer has external_id '{externalId.Trim()}' (it is neither in CrmBot nor a customer the import took in).");
}
