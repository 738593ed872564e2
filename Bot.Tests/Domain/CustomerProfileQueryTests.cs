using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

/// <summary>The overview a rep sees: lifetime value per currency, latest and open orders.</summary>
public sealed class CustomerProfileQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LifetimeValueIsWhatWasPaidLessRefundsInEachCurrency()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        var delivered = await db.DeliveredOrderAsync(Ct);
        await db.OrdersAsync(o => o.RefundAsync(delivered.Number, new Money(15m, "CNY"), "late", TestDatabase.Rep, ct: Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await db.AddProductAsync("MUG-USD", 12.5m, 10, Ct, currency: "USD");
        var dollars = await db.PlaceAsync(delivered.CustomerId, Ct, new OrderLineRequest("MUG-USD", 2));
        await db.OrdersAsync(o => o.PayAsync(dollars.Number, new Money(25m, "USD"), "card", null, TestDatabase.Rep, ct: Ct));
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await db.PlaceAsync(delivered.CustomerId, Ct, new OrderLineRequest(ShopArrangements.Tea, 1));

        var overview = await db.InScopeAsync(services => services.GetRequiredService<CustomerProfileQuery>().GetAsync(delivered.CustomerId, ct: Ct));

        Assert.Equal([new Money(75m, "CNY"), new Money(25m, "USD")], overview.LifetimeValue);
        Assert.Equal(3, overview.LastOrders.Count);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Paid], overview.OpenOrders.Select(o => o.Status));
    }

    [Fact]
    public async Task AnUnknownCustomerIsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            db.InScopeAsync(services => services.GetRequiredService<CustomerProfileQuery>().GetAsync(Guid.NewGuid(), ct: Ct)));
    }
}
