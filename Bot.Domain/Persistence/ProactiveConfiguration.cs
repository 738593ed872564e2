using CrmBot.Domain.Customers;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.SalesReps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class ConversationReferenceRecordConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ChannelId).HasMaxLength(ConversationReferenceRecord.ChannelIdMaxLength);
        builder.Property(r => r.UserId).HasMaxLength(ConversationReferenceRecord.UserIdMaxLength);
        builder.Property(r => r.ConversationId).HasMaxLength(ConversationReferenceRecord.ConversationIdMaxLength);
        builder.Property(r => r.ServiceUrl).HasMaxLength(ConversationReferenceRecord.ServiceUrlMaxLength);
        builder.Property(r => r.TenantId).HasMaxLength(ConversationReferenceRecord.TenantIdMaxLength);
        builder.HasIndex(r => new { r.ChannelId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.CustomerId);
        builder.HasIndex(r => r.RepId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesRep>().WithMany().HasForeignKey(r => r.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProactiveDeliveryConfiguration : IEntityTypeConfiguration<ProactiveDelivery>
{
    public void Configure(EntityTypeBuilder<ProactiveDelivery> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.Key);
        builder.Property(d => d.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => new { d.SubjectId, d.Topic, d.Occurrence }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
