using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Import;

/// <summary>customers.csv: a customer per external id, created or brought up to date with the app's own rules.</summary>
internal sealed class CustomerImportStep(string defaultRegion, DateTimeOffset now) : ImportStep<CustomerRow>
{
    private Dictionary<string, Customer> _existing = [];

    public override string Key(CustomerRow row) => row.ExternalId.Trim();

    public override string Duplicate(CustomerRow row, int firstLine) =>
        $"external_id '{Key(row)}' is on line {firstLine} already.";

    public override async Task LoadAsync(CrmDbContext db, IReadOnlyList<CustomerRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(Key).Distinct().ToList();
        _existing = await db.Customers.Where(c => EF.Parameter(ids).Contains(c.ExternalId!)).ToDictionaryAsync(c => c.ExternalId!, StringComparer.Ordinal, ct);
    }

    public override ImportOutcome Apply(CrmDbContext db, CustomerRow row)
    {
        var address = string.IsNullOrWhiteSpace(row.City) && string.IsNullOrWhiteSpace(row.Country)
            ? null
            : new PostalAddress(null, row.City ?? string.Empty, null, null, row.Country ?? string.Empty);
        var profile = new CustomerProfile(row.Name, row.Email, row.Phone, address);
        var createdAt = row.CreatedAt ?? now;
        if (_existing.TryGetValue(Key(row), out var customer))
        {
            return customer.Reimport(profile, createdAt, defaultRegion, now) ? ImportOutcome.Updated : ImportOutcome.Unchanged;
        }

        db.Customers.Add(Customer.Import(row.ExternalId, profile, createdAt, defaultRegion, now));
        return ImportOutcome.Created;
    }
}
