using CrmBot.Domain.Common;
using CrmBot.Domain.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Domain.Persistence;

/// <summary>
/// Turns the events the tracked aggregates recorded into outbox rows of the same SaveChanges, so that they commit or
/// roll back with the change itself.
/// </summary>
internal static class DomainEventStaging
{
    /// <summary>
    /// Adds a row for each recorded event that has none in the context yet, and returns the aggregates that recorded
    /// any. A SaveChanges that failed leaves its rows added, beside the changes they describe: trying it again saves
    /// both once.
    /// </summary>
    public static List<IHasDomainEvents> Stage(DbContext db)
    {
        var aggregates = db.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(entry => entry.Entity)
            .Where(aggregate => aggregate.DomainEvents.Count > 0)
            .ToList();
        if (aggregates.Count == 0)
        {
            return aggregates;
        }

        var staged = db.ChangeTracker.Entries<StoredDomainEvent>()
            .Where(entry => entry.State == EntityState.Added)
            .Select(entry => entry.Entity.OccurrenceKey)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var domainEvent in aggregates.SelectMany(aggregate => aggregate.DomainEvents))
        {
            if (staged.Add(domainEvent.OccurrenceKey))
            {
                db.Set<StoredDomainEvent>().Add(new StoredDomainEvent(domainEvent));
            }
        }

        return aggregates;
    }

    /// <summary>After the save: the events are in the outbox, and a later save must not stage them again.</summary>
    public static void Clear(List<IHasDomainEvents> aggregates)
    {
        foreach (var aggregate in aggregates)
        {
            aggregate.ClearDomainEvents();
        }
    }
}
