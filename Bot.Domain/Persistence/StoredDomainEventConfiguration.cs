using CrmBot.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class StoredDomainEventConfiguration : IEntityTypeConfiguration<StoredDomainEvent>
{
    public void Configure(EntityTypeBuilder<StoredDomainEvent> builder)
    {
        builder.ToTable("DomainEvents");
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Type).HasMaxLength(StoredDomainEvent.TypeMaxLength);
        builder.Property(e => e.OccurrenceKey).HasMaxLength(StoredDomainEvent.OccurrenceKeyMaxLength);
        builder.HasIndex(e => e.OccurrenceKey).IsUnique();

        // Consumers read the unprocessed rows in Id order; an erasure finds a customer's rows.
        builder.HasIndex(e => new { e.ProcessedAt, e.Id });
        builder.HasIndex(e => e.CustomerId);
    }
}
