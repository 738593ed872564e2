using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Import;

/// <summary>An order imported in a status behaves in the rest of CrmBot as one that got there in CrmBot would.</summary>
public sealed class ImportedOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset PlacedAt = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase _db = null!;
    private Customer _customer = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Ct);
        _customer = await _db.AddCustomerAsync(Ct);
    }

    [Fact]
    public async Task ItsTimelineSaysItWasImportedAndFromWhichRecord()
    {
        await ImportAsync(OrderStatus.Delivered, 120.5m);

        var timeline = await _db.OrdersAsync(orders => orders.TimelineAsync("SO-10001", Ct));

        var entry = Assert.Single(timeline.Entries);
        Assert.Equal((null, OrderStatus.Delivered, "import", _db.Clock.GetUtcNow()), (entry.From, entry.To, entry.Actor, entry.At));
        Assert.Equal("Imported from the shop's records (external id o-1): placed 2024-03-01 02:00 +00:00, Delivered, 120.50 CNY.", entry.Note);
        Assert.Equal((120.5m, 0m, null), (timeline.AmountPaid.Amount, timeline.AmountRefunded.Amount, timeline.Carrier));
    }

    [Fact]
    public async Task APaidOrderCancelledLaterIsRefundedInFull()
    {
        await ImportAsync(OrderStatus.Paid, 88m);

        var cancelled = await _db.OrdersAsync(orders => orders.CancelAsync("SO-10001", "Customer changed their mind", TestDatabase.Rep, ct: Ct));

        Assert.Equal((OrderStatus.Cancelled, 88m), (cancelled.Status, cancelled.AmountRefunded.Amount));
    }

    [Fact]
    public async Task AShippedOrderCanBeDeliveredThoughItsShipmentWasNotImported()
    {
        await ImportAsync(OrderStatus.Shipped, 88m);

        var delivered = await _db.OrdersAsync(orders => orders.DeliverAsync("SO-10001", TestDatabase.Rep, ct: Ct));

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Empty(delivered.Shipments);
    }

    [Fact]
    public async Task ADeliveredOrderCanBeRefundedUpToItsTotal()
    {
        await ImportAsync(OrderStatus.Delivered, 88m);

        var refund = () => _db.OrdersAsync(orders => orders.RefundAsync("SO-10001", new Money(100m, "CNY"), "Broken", TestDatabase.Rep, ct: Ct));

        Assert.Contains("at most 88.00 CNY", (await Assert.ThrowsAsync<DomainException>(refund)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyWhatWasKeptCountsTowardsTheLifetimeValue()
    {
        await ImportAsync(OrderStatus.Delivered, 100m, "o-1");
        await ImportAsync(OrderStatus.Refunded, 40m, "o-2");
        await ImportAsync(OrderStatus.Placed, 7m, "o-3");

        var overview = await _db.InScopeAsync(services => services.GetRequiredService<CustomerProfileQuery>().GetAsync(_customer.Id, ct: Ct));

        Assert.Equal(new Money(100m, "CNY"), Assert.Single(overview.LifetimeValue));
        Assert.Equal(["SO-10003"], overview.OpenOrders.Select(o => o.Number));
    }

    [Fact]
    public async Task ADraftIsNotImported()
    {
        var error = Assert.Throws<DomainException>(() =>
            Order.Import(10_001, _customer.Id, "o-1", OrderStatus.Draft, new Money(1m, "CNY"), PlacedAt, _db.Clock.GetUtcNow()));

        Assert.Equal("order.import_draft", error.Code);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private Task ImportAsync(OrderStatus status, decimal total, string externalId = "o-1") =>
        _db.WithDbAsync(async db =>
        {
            var number = 10_000 + await db.Orders.CountAsync(Ct) + 1;
            db.Orders.Add(Order.Import(number, _customer.Id, externalId, status, new Money(total, "CNY"), PlacedAt, _db.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        });
}
