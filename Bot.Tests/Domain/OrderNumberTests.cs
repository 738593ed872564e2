using CrmBot.Domain.Orders;
using CrmBot.Tests.Support;
using static CrmBot.Tests.Domain.ShopArrangements;

namespace CrmBot.Tests.Domain;

/// <summary>Order numbers people can say and type: SO-10001, SO-10002, ... read back however they are written.</summary>
public sealed class OrderNumberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFirstOrderIsSO10001AndEachNextOneIsOneHigher()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        var customerId = await db.StockTheShopAsync(Ct);

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await db.PlaceAsync(customerId, Ct, new OrderLineRequest(Tea, 1))).Number);
        }

        Assert.Equal(["SO-10001", "SO-10002", "SO-10003"], numbers);
    }

    [Fact]
    public async Task OrdersPlacedAtOnceStillGetDistinctConsecutiveNumbers()
    {
        var gate = new TransactionGate();
        await using var db = await TestDatabase.CreateAsync(gate, Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        gate.Arm(6);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => db.TryPlaceAsync(customerId, new(Tea, 1)), Ct)));

        Assert.Equal(6, gate.Held);
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(Enumerable.Range(10001, 6).Select(n => $"SO-{n}"), outcomes.Select(o => o.Order!.Number).Order());
    }

    [Fact]
    public async Task ARefusedOrderDoesNotUseUpANumber()
    {
        await using var db = await TestDatabase.CreateAsync(Ct);
        var customerId = await db.StockTheShopAsync(Ct);
        await Assert.ThrowsAnyAsync<Exception>(() => db.PlaceAsync(customerId, Ct, new OrderLineRequest(Cup, 99)));
        await Assert.ThrowsAnyAsync<Exception>(() => db.PlaceAsync(customerId, Ct, new OrderLineRequest("NOPE", 1)));

        var order = await db.PlaceAsync(customerId, Ct, new OrderLineRequest(Cup, 1));

        Assert.Equal("SO-10001", order.Number);
    }

    [Theory]
    [InlineData("SO-10042")]
    [InlineData("so10042")]
    [InlineData("SO 10042")]
    [InlineData("so-10042")]
    [InlineData("SO#10042")]
    [InlineData("  SO-10042  ")]
    [InlineData("10042")]
    [InlineData("ＳＯ－１００４２")]
    public void AnOrderNumberIsReadHoweverItIsTyped(string typed)
    {
        var number = OrderNumber.Normalize(typed);

        Assert.Equal("SO-10042", number);
    }

    [Theory]
    [InlineData("where is SO-10042?")]
    [InlineData("where is so10042")]
    [InlineData("SO 10042 hasn't arrived")]
    [InlineData("我的订单SO-10042到哪了")]
    [InlineData("(SO-10042)")]
    [InlineData("SO-10042 and SO-10043")]
    public void AnOrderNumberIsFoundInsideASentence(string sentence)
    {
        var number = OrderNumber.Find(sentence);

        Assert.Equal("SO-10042", number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("SO-")]
    [InlineData("SO-abc")]
    [InlineData("SO-10042x")]
    [InlineData("10042abc")]
    [InlineData("SOX-10042")]
    [InlineData("SO-1234567890123")]
    [InlineData("SO-١٠٠٤٢")]
    [InlineData("where is SO-10042?")]
    public void JunkIsNotAnOrderNumber(string? text)
    {
        var number = OrderNumber.Normalize(text);

        Assert.Null(number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("where is my order?")]
    [InlineData("my order 10042")]
    [InlineData("ISO-10042 is a standard")]
    [InlineData("SO-1234567890123")]
    [InlineData("SO-١٠٠٤٢")]
    public void ASentenceWithoutAnOrderNumberFindsNone(string? sentence)
    {
        var number = OrderNumber.Find(sentence);

        Assert.Null(number);
    }
}
