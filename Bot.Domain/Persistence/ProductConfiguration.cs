using CrmBot.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.ComplexProperty(p => p.Price, price => price.MapMoney("Price"));

        // Two orders reserving the same product at once: the second write sees the stock changed and retries.
        builder.Property(p => p.Stock).IsConcurrencyToken();
        builder.HasIndex(p => p.Sku).IsUnique();
    }
}
