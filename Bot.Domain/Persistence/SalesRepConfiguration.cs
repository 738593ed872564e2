using CrmBot.Domain.SalesReps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class SalesRepConfiguration : IEntityTypeConfiguration<SalesRep>
{
    public void Configure(EntityTypeBuilder<SalesRep> builder)
    {
        builder.Property(r => r.DisplayName).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.AadObjectId).HasMaxLength(64);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.HasIndex(r => r.Email).IsUnique();
        builder.HasIndex(r => r.AadObjectId).IsUnique();
    }
}
