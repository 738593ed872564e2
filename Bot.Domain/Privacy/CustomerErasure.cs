using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CrmBot.Domain.Privacy;

/// <summary>
/// Erases a customer's personal data and keeps the books: the record stays under a neutral name with no contact data,
/// orders keep their amounts, lines and statuses, and the customer's name and contacts are taken out of their orders'
/// free text. Their conversations with the bot go (references, web chat transcripts, bot state), interactions lose
/// their notes, reminders about them and their domain events are deleted. All in one transaction; erasing again is harmless and says so.
/// </summary>
public sealed class CustomerErasure(CrmDbContext db, PrivacyAudit audit, TimeProvider clock)
{
    /// <exception cref="NotFoundException">No customer has this id (audited as such).</exception>
    public async Task<ErasureResult> EraseAsync(Guid customerId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ErasureResult? result;
        try
        {
            result = await EraseInTransactionAsync(customerId, actor, ct);
        }
        catch (Exception failed) when (failed is not NotFoundException)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, PrivacyAction.Erase, customerId, PrivacyOutcome.Failed, CancellationToken.None);
            throw;
        }

        if (result is null)
        {
            await audit.RecordAsync(actor, PrivacyAction.Erase, customerId, PrivacyOutcome.NotFound, ct);
            throw new NotFoundException("Customer", customerId.ToString());
        }

        return result;
    }

    private async Task<ErasureResult?> EraseInTransactionAsync(Guid customerId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return null;
        }

        var alreadyErased = customer.IsErased;
        var footprint = await CustomerFootprint.FindAsync(db, customer, ct);
        var text = new ErasedText(customer);

        var orders = await db.Orders
            .Where(o => o.CustomerId == customerId)
            .Include(o => o.Payments)
            .Include(o => o.Shipments)
            .Include(o => o.Refunds)
            .Include(o => o.History)
            .AsSplitQuery()
            .ToListAsync(ct);
        var ordersAnonymised = orders.Count(order => AnonymiseOrder(order, customerId, text));

        var interactions = await db.Interactions.Where(i => i.CustomerId == customerId).ToListAsync(ct);
        var interactionsBlanked = interactions.Count(interaction =>
        {
            var entry = db.Entry(interaction);
            entry.Property(i => i.Notes).CurrentValue = null;
            var changed = ScrubText(entry, text);
            return changed || entry.Property(i => i.Notes).IsModified;
        });

        customer.Erase(now);
        db.PrivacyAudit.Add(new PrivacyAuditEntry(now, actor, PrivacyAction.Erase, customerId, alreadyErased ? PrivacyOutcome.AlreadyErased : PrivacyOutcome.Erased));
        await db.SaveChangesAsync(ct);

        var reminderDeliveries = footprint.ReminderIds.Append(customerId).ToList();
        var deliveriesDeleted = await db.ProactiveDeliveries
            .Where(d => footprint.DeliveryIds.Contains(d.Id) && reminderDeliveries.Contains(d.SubjectId))
            .ExecuteDeleteAsync(ct);

        // The ledger's entries for the orders stay, so that no notice goes out twice; only their error text could hold a contact.
        await db.ProactiveDeliveries
            .Where(d => footprint.DeliveryIds.Contains(d.Id) && d.LastError != null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastError, (string?)null), ct);
        var remindersDeleted = await db.Reminders.Where(r => footprint.ReminderIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        var activitiesDeleted = await db.DirectLineActivities.Where(a => footprint.WebChatConversationIds.Contains(a.ConversationId)).ExecuteDeleteAsync(ct);
        var webChatsDeleted = await db.DirectLineConversations.Where(c => footprint.WebChatConversationIds.Contains(c.Id)).ExecuteDeleteAsync(ct);
        var referencesDeleted = await db.ConversationReferences.Where(r => footprint.ConversationReferenceIds.Contains(r.Id)).ExecuteDeleteAsync(ct);
        var statesDeleted = await db.StoredStates.Where(s => footprint.StateKeys.Contains(s.Key)).ExecuteDeleteAsync(ct);
        await db.ProcessedActivities.Where(a => footprint.ConversationIds.Contains(a.ConversationId)).ExecuteDeleteAsync(ct);

        // Their domain events hold ids and statuses only, but an unprocessed one would still start a workflow about them.
        await db.DomainEvents.Where(e => e.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await db.WorkflowRuns.Where(r => r.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await db.CustomerTags.Where(t => t.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await db.CustomerScores.Where(s => s.CustomerId == customerId).ExecuteDeleteAsync(ct);

        if (db.Database.IsSqlite())
        {
            // The search indexes' triggers have taken the old name, email and address out, but FTS5 keeps deleted terms
            // in its segments until they are merged: merging now leaves no trace of them in the indexes' own tables.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO CustomerSearchIndex(CustomerSearchIndex) VALUES ('optimize');", ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO CustomerAddressIndex(CustomerAddressIndex) VALUES ('optimize');", ct);
        }

        await transaction.CommitAsync(ct);
        return new ErasureResult(
            customerId, alreadyErased, ordersAnonymised, interactionsBlanked, remindersDeleted, referencesDeleted, webChatsDeleted,
            activitiesDeleted, statesDeleted, deliveriesDeleted);
    }

    /// <summary>Takes the customer out of an order's free text and audit trail; true when anything changed.</summary>
    private bool AnonymiseOrder(Order order, Guid customerId, ErasedText text)
    {
        var changed = false;
        var erasedActor = Actor.Customer(customerId, Customer.ErasedName).ToString();
        foreach (var change in order.History.Where(h => h.ActorId == customerId && h.Actor != erasedActor))
        {
            db.Entry(change).Property(h => h.Actor).CurrentValue = erasedActor;
            changed = true;
        }

        IEnumerable<object> parts = [order, .. order.Payments, .. order.Shipments, .. order.Refunds, .. order.History];
        foreach (var part in parts)
        {
            changed |= ScrubText(db.Entry(part), text);
        }

        return changed;
    }

    /// <summary>
    /// Scrubs every free-text property of the entity: every string that is not a key or indexed (order numbers,
    /// tracking numbers and external ids identify things, not people). New text columns are covered without a change here.
    /// </summary>
    private static bool ScrubText(EntityEntry entry, ErasedText text)
    {
        var changed = false;
        foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string) && !p.Metadata.IsKey() && !p.Metadata.IsIndex()))
        {
            var value = (string?)property.CurrentValue;
            var scrubbed = text.Scrub(value);
            if (!string.Equals(value, scrubbed, StringComparison.Ordinal))
            {
                property.CurrentValue = scrubbed;
                changed = true;
            }
        }

        return changed;
    }
}
