using CrmBot.Domain.Common;
using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;

namespace CrmBot.Tests.Analytics;

/// <summary>
/// A hand-built shop for exact figures (shop time is Asia/Shanghai, UTC+8; every time below is UTC). Tea 25.00 and cup
/// 40.00 CNY; customers A and B join on 2026-03-02, C on 2026-04-08, D at 2026-04-30 16:30 (May 1st in Shanghai).
/// <code>
///  #  who  placed (UTC)          shop month  lines          total  then
///  1  A    2026-03-05 02:00      March       2 tea + 1 cup  90     paid
///  2  B    2026-03-31 15:30      March       1 cup          40     paid, shipped, refunded in full
///  3  A    2026-03-31 16:30      April       4 tea          100    paid, shipped, 30 refunded
///  4  C    2026-04-10 03:00      April       1 tea          25     placed only
///  5  B    2026-04-12 03:00      April       2 cups         80     paid, then cancelled (refunded)
///  6  C    2026-04-15 03:00      April       2 tea          50     cancelled unpaid
///  7  B    2026-04-20 03:00      April       1 tea + 1 cup  65     paid, shipped
///  8  C    2026-04-25 03:00      April       3 cups         120    paid, shipped, delivered
///  9  A    2026-04-30 16:30      May         1 tea          25     paid
/// 10  B    2026-10-15 03:00      October     1 tea          25     placed only
/// </code>
/// </summary>
internal sealed class AnalyticsShop(TestDatabase db)
{
    public const string Tea = "TEA";
    public const string Cup = "CUP";

    private static readonly Actor Rep = TestDatabase.Rep;

    public Customer A { get; private set; } = null!;

    public Customer B { get; private set; } = null!;

    public Customer C { get; private set; } = null!;

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Orders 1 and 2 (March in shop time): revenue 90.00 in the first quarter.</summary>
    public async Task<AnalyticsShop> MarchAsync(CancellationToken ct)
    {
        await db.AddProductAsync(Tea, 25m, 100, ct, name: "Longjing tea");
        await db.AddProductAsync(Cup, 40m, 100, ct, name: "Celadon cup");
        A = await db.AddCustomerAsync("Alice", "alice@example.com", null, ct);
        B = await db.AddCustomerAsync("Bob", "bob@example.com", null, ct);

        await PaidAsync(Utc(3, 5, 2), A, ct, Line(Tea, 2), Line(Cup, 1));
        var two = await PaidAsync(Utc(3, 31, 15, 30), B, ct, Line(Cup, 1));
        await db.OrdersAsync(o => o.ShipAsync(two.Number, "SF Express", "SF1000000002", Rep, ct: ct));
        await db.OrdersAsync(o => o.RefundAsync(two.Number, Cny(40), "Broken", Rep, ct: ct));
        return this;
    }

    /// <summary>Orders 3 to 9, customer C and (at the end) D.</summary>
    public async Task<AnalyticsShop> AprilAsync(CancellationToken ct)
    {
        var three = await PaidAsync(Utc(3, 31, 16, 30), A, ct, Line(Tea, 4));
        await db.OrdersAsync(o => o.ShipAsync(three.Number, "SF Express", "SF1000000003", Rep, ct: ct));
        await db.OrdersAsync(o => o.RefundAsync(three.Number, Cny(30), "One tin was open", Rep, ct: ct));

        db.Clock.SetUtcNow(Utc(4, 8, 3));
        C = await db.AddCustomerAsync("Carol", "carol@example.com", null, ct);
        await PlacedAsync(Utc(4, 10, 3), C, ct, Line(Tea, 1));
        var five = await PaidAsync(Utc(4, 12, 3), B, ct, Line(Cup, 2));
        await db.OrdersAsync(o => o.CancelAsync(five.Number, "Changed their mind", Rep, ct: ct));
        var six = await PlacedAsync(Utc(4, 15, 3), C, ct, Line(Tea, 2));
        await db.OrdersAsync(o => o.CancelAsync(six.Number, "Never paid", Rep, ct: ct));
        var seven = await PaidAsync(Utc(4, 20, 3), B, ct, Line(Tea, 1), Line(Cup, 1));
        await db.OrdersAsync(o => o.ShipAsync(seven.Number, "SF Express", "SF1000000007", Rep, ct: ct));
        var eight = await PaidAsync(Utc(4, 25, 3), C, ct, Line(Cup, 3));
        await db.OrdersAsync(o => o.ShipAsync(eight.Number, "SF Express", "SF1000000008", Rep, ct: ct));
        await db.OrdersAsync(o => o.DeliverAsync(eight.Number, Rep, ct: ct));
        await PaidAsync(Utc(4, 30, 16, 30), A, ct, Line(Tea, 1));
        await db.AddCustomerAsync("Dan", "dan@example.com", null, ct);
        return this;
    }

    /// <summary>Order 10, B's last.</summary>
    public async Task<AnalyticsShop> OctoberAsync(CancellationToken ct)
    {
        await PlacedAsync(Utc(10, 15, 3), B, ct, Line(Tea, 1));
        return this;
    }

    public static Money Cny(decimal amount) => new(amount, "CNY");

    private static OrderLineRequest Line(string sku, int quantity) => new(sku, quantity);

    private async Task<Order> PlacedAsync(DateTimeOffset at, Customer customer, CancellationToken ct, params OrderLineRequest[] lines)
    {
        db.Clock.SetUtcNow(at);
        return await db.PlaceAsync(customer.Id, ct, lines);
    }

    private async Task<Order> PaidAsync(DateTimeOffset at, Customer customer, CancellationToken ct, params OrderLineRequest[] lines)
    {
        var order = await PlacedAsync(at, customer, ct, lines);
        return await db.OrdersAsync(o => o.PayAsync(order.Number, order.Total, "alipay", null, Rep, ct: ct));
    }
}
