using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Interactions;

/// <summary>Records contacts with customers, each with the rep who had it.</summary>
public sealed class InteractionService(CrmDbContext db, TimeProvider clock)
{
    public async Task<Interaction> LogAsync(
        Guid customerId, Guid repId, InteractionKind kind, string? outcome, string? notes, CancellationToken ct = default)
    {
        var interaction = new Interaction(customerId, repId, kind, clock.GetUtcNow(), outcome, notes);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        return interaction;
    }

    /// <summary>Records a contact with an existing customer, by an existing rep or (without one) by nobody yet.</summary>
    public async Task<Interaction> RecordAsync(
        Guid customerId, Guid? repId, InteractionKind kind, string? outcome, string? notes, CancellationToken ct = default)
    {
        await CustomerRecords.EnsureExistAsync(db, customerId, repId, ct);
        var interaction = new Interaction(customerId, repId, kind, clock.GetUtcNow(), outcome, notes);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        return interaction;
    }

    /// <summary>A customer's interactions, latest first.</summary>
    public async Task<Page<Interaction>> ListForCustomerAsync(Guid customerId, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var request = CustomerRecords.Page(page, pageSize);
        await CustomerRecords.EnsureExistAsync(db, customerId, repId: null, ct);
        var found = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerId == customerId)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Skip(request.Skip).Take(request.Take)
            .ToListAsync(ct);
        return request.PageOf(found);
    }

    /// <summary>Records a contact the customer started with no rep yet (e.g. asking for a person in chat), for the reps to pick up.</summary>
    public async Task<Interaction> LogFromCustomerAsync(
        Guid customerId, InteractionKind kind, string? outcome, string? notes, CancellationToken ct = default)
    {
        var interaction = new Interaction(customerId, null, kind, clock.GetUtcNow(), outcome, notes);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        return interaction;
    }
}
