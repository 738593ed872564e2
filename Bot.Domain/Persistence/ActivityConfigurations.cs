using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Outcome).HasMaxLength(200);
        builder.Property(i => i.Notes).HasMaxLength(4000);
        builder.Property(i => i.ImportKey).HasMaxLength(Interaction.ImportKeyMaxLength);
        builder.HasIndex(i => new { i.CustomerId, i.OccurredAt });
        builder.HasIndex(i => i.ImportKey).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesRep>().WithMany().HasForeignKey(i => i.RepId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Status, r.DueAt });
        builder.HasIndex(r => new { r.RepId, r.Status });
        builder.HasOne<SalesRep>().WithMany().HasForeignKey(r => r.RepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SequenceConfiguration : IEntityTypeConfiguration<Sequence>
{
    public void Configure(EntityTypeBuilder<Sequence> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.HasData(new Sequence { Name = Sequence.OrderNumbers, Value = Sequence.OrderNumbersStart });
    }
}

internal sealed class StoredStateConfiguration : IEntityTypeConfiguration<StoredState>
{
    public void Configure(EntityTypeBuilder<StoredState> builder)
    {
        builder.ToTable("BotState");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(StoredState.KeyMaxLength);
        builder.Property(s => s.ETag).HasMaxLength(64);
    }
}
