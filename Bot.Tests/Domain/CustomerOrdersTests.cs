using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using CrmBot.Domain.Persistence;
using CrmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Domain;

/// <summary>A customer sees and changes only their own orders; a visitor needs the order's contact details.</summary>
public class CustomerOrdersTests
{
    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zhang.san@example.com")]
    [InlineData("ZHANG.SAN@example.com")]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    public async Task AVisitorTracksAnOrderWithItsNumberAndTheEmailOrPhoneOnIt(string contact)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);

        var timeline = await TrackAsync(db, order.Number.ToLowerInvariant(), contact);

        Assert.NotNull(timeline);
        Assert.Equal(order.Number, timeline.Number);
        Assert.Equal(OrderStatus.Placed, timeline.Status);
    }

    [Theory]
    [InlineData("SO-10001", "li.si@example.com")]
    [InlineData("SO-10001", "139 0000 0000")]
    [InlineData("SO-10001", "")]
    [InlineData("SO-99999", "zhang.san@example.com")]
    [InlineData("not a number", "zhang.san@example.com")]
    public async Task AWrongContactAndAnUnknownNumberGetTheSameNothing(string number, string contact)
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.PlacedOrderAsync(Ct);

        Assert.Null(await TrackAsync(db, number, contact));
    }

    [Fact]
    public async Task ACustomerCannotTrackSomeoneElsesOrder()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var other = await db.AddCustomerAsync("李四", "li.si@example.com", null, Ct);

        var theirs = await db.InScopeAsync(s => s.GetRequiredService<CustomerOrders>().TrackOwnAsync(other.Id, order.Number, Ct));
        var owners = await db.InScopeAsync(s => s.GetRequiredService<CustomerOrders>().TrackOwnAsync(order.CustomerId, order.Number, Ct));

        Assert.Null(theirs);
        Assert.NotNull(owners);
    }

    [Fact]
    public async Task ACustomersListHoldsOnlyTheirOwnOrdersNewestFirst()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var first = await db.PlacedOrderAsync(Ct);
        db.Clock.Advance(TimeSpan.FromHours(1));
        var second = await db.PlaceAsync(first.CustomerId, Ct, new OrderLineRequest(ShopArrangements.Tea, 2));
        var other = await db.AddCustomerAsync("李四", "li.si@example.com", null, Ct);
        await db.PlaceAsync(other.Id, Ct, new OrderLineRequest(ShopArrangements.Tea, 1));

        var list = await db.InScopeAsync(s => s.GetRequiredService<CustomerOrders>().ListOwnAsync(first.CustomerId, ct: Ct));

        Assert.Equal([second.Number, first.Number], list.Select(o => o.Number));
        Assert.Equal(2, list[0].Items);
    }

    [Fact]
    public async Task CancellingSomeoneElsesOrderIsNotFoundAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);
        var other = await db.AddCustomerAsync("李四", "li.si@example.com", null, Ct);
        var before = await db.SnapshotAsync(order.Number, Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<CustomerOrders>().CancelOwnAsync(other.Id, order.Number, "changed my mind", Actor.Customer(other.Id, "李四"), Ct)));

        Assert.Equal(before, await db.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task ACustomerCancelsTheirOwnPlacedOrder()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        var order = await db.PlacedOrderAsync(Ct);

        var cancelled = await db.InScopeAsync(s =>
            s.GetRequiredService<CustomerOrders>().CancelOwnAsync(order.CustomerId, order.Number, "changed my mind", Actor.Customer(order.CustomerId, "张三"), Ct));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task BrowsingFindsProductsByPartOfTheirNameOrSkuInAnyCaseAndTreatsWildcardsAsText()
    {
        await using var db = await TestDatabase.CreateAsync(Provider, Ct);
        await db.AddProductAsync("MUG-BLUE", 30m, 5, Ct, name: "Blue mug");
        await db.AddProductAsync("MUG-RED", 30m, 5, Ct, name: "Red mug");
        await db.AddProductAsync("TEA-100", 50m, 5, Ct, name: "Oolong 100% leaf");

        var mugs = await BrowseAsync(db, "mug");
        var shouted = await BrowseAsync(db, "BLUE MUG");
        var sku = await BrowseAsync(db, "mug-red");
        var percent = await BrowseAsync(db, "100%");
        var wildcard = await BrowseAsync(db, "%");

        Assert.Equal(["Blue mug", "Red mug"], mugs.Items.Select(p => p.Name));
        Assert.Equal(["Blue mug"], shouted.Items.Select(p => p.Name));
        Assert.Equal(["Red mug"], sku.Items.Select(p => p.Name));
        Assert.Equal(["Oolong 100% leaf"], percent.Items.Select(p => p.Name));
        Assert.Equal(["Oolong 100% leaf"], wildcard.Items.Select(p => p.Name));
    }

    private static Task<OrderTimeline?> TrackAsync(TestDatabase db, string number, string contact) =>
        db.InScopeAsync(s => s.GetRequiredService<CustomerOrders>().TrackAsync(number, contact, Ct));

    private static Task<Page<Product>> BrowseAsync(TestDatabase db, string search) =>
        db.InScopeAsync(s => s.GetRequiredService<ProductCatalog>().BrowseAsync(search, ct: Ct));
}
