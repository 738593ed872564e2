using CrmBot.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.SearchName).HasMaxLength(Customer.NameMaxLength * 2);
        builder.Property(c => c.SearchAddress).HasMaxLength(Customer.SearchAddressMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.PhoneNational).HasMaxLength(20);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(16);
        builder.Property(c => c.ExternalId).HasMaxLength(Customer.ExternalIdMaxLength);
        builder.Ignore(c => c.IsErased);
        builder.OwnsOne(c => c.Address, address =>
        {
            address.Property(a => a.Street).HasMaxLength(300);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Region).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(20);
            address.Property(a => a.Country).HasMaxLength(2);
        });

        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.PhoneNational);
        builder.HasIndex(c => new { c.SearchName, c.Id });
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.AssignedRepId);
        builder.HasOne<SalesReps.SalesRep>().WithMany().HasForeignKey(c => c.AssignedRepId).OnDelete(DeleteBehavior.SetNull);
    }
}
