using CrmBot.Domain.Persistence;

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
