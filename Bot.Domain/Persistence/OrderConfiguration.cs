using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBot.Domain.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(100);
        builder.Property(o => o.ExternalId).HasMaxLength(Order.ExternalIdMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.ComplexProperty(o => o.Total, total => total.MapMoney("Total"));
        builder.Ignore(o => o.Shipment);
        builder.Ignore(o => o.AmountPaid);
        builder.Ignore(o => o.AmountRefunded);
        builder.Ignore(o => o.PermittedActions);

        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasIndex(o => new { o.CustomerId, o.CreatedAt });
        builder.HasIndex(o => new { o.Status, o.CreatedAt });
        // The back office lists orders newest placed first, of all, by status or by customer; analytics reads placed
        // ranges. The migration (OrderListAndAnalyticsIndexes) gives IX_Orders_PlacedAt the total's columns too.
        builder.HasIndex(o => o.PlacedAt);
        builder.HasIndex(o => new { o.Status, o.PlacedAt });
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Payments).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Shipments).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Refunds).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.History).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("OrderLines");
        builder.Property(l => l.Sku).HasMaxLength(64);
        builder.Property(l => l.ProductName).HasMaxLength(200);
        builder.ComplexProperty(l => l.UnitPrice, price => price.MapMoney("UnitPrice"));
        builder.Ignore(l => l.LineTotal);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Method).HasMaxLength(50);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.ComplexProperty(p => p.Amount, amount => amount.MapMoney("Amount"));
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.Property(s => s.Carrier).HasMaxLength(100);
        builder.Property(s => s.TrackingNumber).HasMaxLength(100);
        builder.HasIndex(s => s.TrackingNumber);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.ComplexProperty(r => r.Amount, amount => amount.MapMoney("Amount"));
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> builder)
    {
        builder.ToTable("OrderHistory");
        builder.HasIndex("OrderId", nameof(OrderStatusChange.Step)).IsUnique();
        builder.Property(h => h.Actor).HasMaxLength(200);
        builder.Property(h => h.Note).HasMaxLength(1000);
    }
}
