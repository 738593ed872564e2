using CrmBot.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class PrivacyAuditEntryConfiguration : IEntityTypeConfiguration<PrivacyAuditEntry>
{
    public void Configure(EntityTypeBuilder<PrivacyAuditEntry> builder)
    {
        builder.ToTable("PrivacyAudit");
        builder.Property(e => e.Actor).HasMaxLength(PrivacyAuditEntry.ActorMaxLength);
        builder.HasIndex(e => new { e.CustomerId, e.At });
    }
}
