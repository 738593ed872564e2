using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Domain;

/// <summary>
/// The small shop most domain tests start from: Longjing tea at 25.00 CNY (10 in stock), a celadon cup
/// at 40.00 CNY (5 in stock), the customer 张三, and an order of two teas and a cup (90.00 CNY).
/// Each step goes through the domain services, one scope per call, like separate requests.
/// </summary>
internal static class ShopArrangements
{
    public const string Tea = "TEA-LONGJING";
    public const string Cup = "CUP-CELADON";

    public static readonly Money OrderTotal = new(90m, "CNY");

    public static async Task<Guid> StockTheShopAsync(this TestDatabase db, CancellationToken ct)
    {
        await db.AddProductAsync(Tea, 25m, 10, ct, name: "Longjing tea");
        await db.AddProductAsync(Cup, 40m, 5, ct, name: "Celadon cup");
        var customer = await db.AddCustomerAsync(ct);
        return customer.Id;
    }

    public static async Task<Order> PlacedOrderAsync(this TestDatabase db, CancellationToken ct)
    {
        var customerId = await db.StockTheShopAsync(ct);
        return await db.PlaceAsync(customerId, ct, new(Tea, 2), new(Cup, 1));
    }

    public static async Task<Order> PaidOrderAsync(this TestDatabase db, CancellationToken ct)
    {
        var order = await db.PlacedOrderAsync(ct);
        return await db.OrdersAsync(o => o.PayAsync(order.Number, OrderTotal, "alipay", null, TestDatabase.Rep, ct: ct));
    }

    public static async Task<Order> ShippedOrderAsync(this TestDatabase db, CancellationToken ct)
    {
        var order = await db.PaidOrderAsync(ct);
        return await db.OrdersAsync(o => o.ShipAsync(order.Number, "SF Express", "SF1234567890", TestDatabase.Rep, ct: ct));
    }

    public static async Task<Order> DeliveredOrderAsync(this TestDatabase db, CancellationToken ct)
    {
        var order = await db.ShippedOrderAsync(ct);
        return await db.OrdersAsync(o => o.DeliverAsync(order.Number, Actor.System, ct: ct));
    }

    /// <summary>Places an order and says how it went instead of throwing, for requests racing each other.</summary>
    public static async Task<(Order? Order, Exception? Error)> TryPlaceAsync(this TestDatabase db, Guid customerId, OrderLineRequest line, string? idempotencyKey = null)
    {
        try
        {
            var request = new PlaceOrderRequest(customerId, [line], idempotencyKey);
            return (await db.OrdersAsync(o => o.PlaceAsync(request, TestDatabase.Rep, CancellationToken.None)), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (null, error);
        }
    }

    public static Task<int> OrderCountAsync(this TestDatabase db, CancellationToken ct) =>
        db.WithDbAsync(d => d.Orders.CountAsync(ct));

    /// <summary>What a person could see of an order in the database, to check that a refused change left it alone.</summary>
    public static async Task<OrderSnapshot> SnapshotAsync(this TestDatabase db, string number, CancellationToken ct)
    {
        var order = await db.ReloadAsync(number, ct);
        return new OrderSnapshot(
            order.Status,
            order.Version,
            order.History.Count,
            order.Payments.Count,
            order.Refunds.Count,
            order.Shipments.Count,
            order.AmountPaid,
            order.AmountRefunded,
            order.Shipment?.DeliveredAt,
            await db.StockAsync(Tea, ct),
            await db.StockAsync(Cup, ct));
    }
}
