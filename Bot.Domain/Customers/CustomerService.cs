using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBot.Domain.Customers;

/// <summary>Creates, updates and finds customers.</summary>
public sealed class CustomerService(CrmDbContext db, CustomerSearch search, TimeProvider clock, IOptions<CrmOptions> options)
{
    public async Task<Customer> CreateAsync(CustomerProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var customer = new Customer(profile, options.Value.DefaultRegion, clock.GetUtcNow());
        db.Customers.Add(customer);
        await SaveAsync(ct);
        return customer;
    }

    public async Task<Customer> UpdateAsync(Guid id, CustomerProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var customer = await GetAsync(id, ct);
        customer.Update(profile, options.Value.DefaultRegion, clock.GetUtcNow());
        await SaveAsync(ct);
        return customer;
    }

    public async Task<Customer> SetConsentAsync(Guid id, bool consent, CancellationToken ct = default)
    {
        var customer = await GetAsync(id, ct);
        customer.SetConsent(consent, clock.GetUtcNow());
        await SaveAsync(ct);
        return customer;
    }

    public async Task<Customer> SetPreferredLanguageAsync(Guid id, string language, CancellationToken ct = default)
    {
        var customer = await GetAsync(id, ct);
        customer.SetPreferredLanguage(language, clock.GetUtcNow());
        await SaveAsync(ct);
        return customer;
    }

    public async Task<Customer> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Customer", id.ToString());

    /// <summary>Customers matching part of a name, an email, a phone number or an order number, best first.</summary>
    public Task<Page<CustomerSummary>> SearchAsync(string? query, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        search.SearchAsync(query, page, pageSize, ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
