using CrmBot.Domain.Common;
using CrmBot.Domain.Proactive;
using CrmBot.Proactive;
using CrmBot.Tests.DirectLine;

namespace CrmBot.Tests.Proactive;

/// <summary>
/// What a signed-in customer hears without writing first: one nudge for an unpaid order, the news that it shipped and
/// arrived; in their language, not at night, and nothing at all once they said stop.
/// </summary>
public sealed class CustomerNoticeTests : IAsyncLifetime
{
    private ProactiveShop _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UnpaidOrderNudges Nudges => _shop.Get<UnpaidOrderNudges>();

    private ShipmentNotices Notices => _shop.Get<ShipmentNotices>();

    public async ValueTask InitializeAsync() => _shop = await ProactiveShop.OpenAsync(new BilingualApplication());

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task AnUnpaidOrderGetsOneNudgeWithThePaymentInstructions()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        _shop.App.Clock.Advance(TimeSpan.FromHours(23));
        var tooEarly = await Nudges.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(1));
        var due = await Nudges.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(1));
        var again = await Nudges.DeliverDueAsync(Ct);

        Assert.Equal((0, 1, 0), (tooEarly, due, again));
        var nudge = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.StartsWith($"Hello Wang Fang, a friendly reminder: your order {order.Number} (88.00 CNY) is waiting for your payment.", nudge);
        Assert.Contains($"Please quote {order.Number} as the payment reference", nudge);
        Assert.EndsWith("Reply \"stop sending me messages\" to stop them.)", nudge);
    }

    [Fact]
    public async Task APaidOrderIsNotNudged()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        _shop.App.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await Nudges.DeliverDueAsync(Ct));
        Assert.Empty(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
    }

    [Fact]
    public async Task ACustomerWhoSaidStopGetsNothingUntilTheyStartAgain()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        await _shop.Client.SayAsync(chat, "stop sending me messages");
        await _shop.Client.SayAsync(chat, "yes");
        var unpaid = await _shop.PlaceAsync(customer);
        var shipped = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(shipped.Number, shipped.Total, "alipay", null, Actor.System, ct: Ct));
        await _shop.OrdersAsync(orders => orders.ShipAsync(shipped.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        _shop.App.Clock.Advance(TimeSpan.FromDays(1));
        var whileStopped = await Nudges.DeliverDueAsync(Ct) + await Notices.DeliverDueAsync(Ct);
        var textsWhileStopped = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        await _shop.Client.SayAsync(await _shop.Client.ReconnectAsync(chat, DirectLineApplication.Secret), "start messages again");
        var (_, afterStart) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));
        var afterOptIn = await Nudges.DeliverDueAsync(Ct) + await Notices.DeliverDueAsync(Ct);

        Assert.Equal(0, whileStopped);
        Assert.Empty(textsWhileStopped);
        Assert.Equal(2, afterOptIn);
        var texts = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), afterStart);
        Assert.Contains(texts, t => t.Contains(unpaid.Number, StringComparison.Ordinal) && t.Contains("waiting for your payment", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(shipped.Number, StringComparison.Ordinal) && t.Contains("SF1234567890", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShippingAndDeliveryAreAnnouncedOnceWithCarrierAndTrackingNumber()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        await _shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));
        var shipped = await Notices.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromDays(2));
        await _shop.OrdersAsync(orders => orders.DeliverAsync(order.Number, Actor.System, ct: Ct));
        var delivered = await Notices.DeliverDueAsync(Ct);
        var again = await Notices.DeliverDueAsync(Ct);

        Assert.Equal((1, 1, 0), (shipped, delivered, again));
        var texts = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        Assert.Equal(2, texts.Length);
        Assert.StartsWith($"Good news, Wang Fang: your order {order.Number} is on its way with SF Express, tracking number SF1234567890.", texts[0]);
        Assert.StartsWith($"Hello Wang Fang, your order {order.Number} has been delivered.", texts[1]);
    }

    [Fact]
    public async Task AChineseCustomerIsToldInChinese()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("王芳", language: "zh-CN");
        var order = await _shop.PlaceAsync(customer);
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "wechat", null, Actor.System, ct: Ct));
        await _shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "顺丰速运", "SF1234567890", Actor.System, ct: Ct));
        await Notices.DeliverDueAsync(Ct);

        var notice = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.Equal($"王芳您好，好消息：您的订单 {order.Number} 已由顺丰速运发出，运单号 SF1234567890。\n\n（您收到此消息是因为您同意接收我们的通知。回复“退订”即可停止接收。）", notice);
    }

    [Fact]
    public async Task NewsDuringTheCustomersNightWaitsForTheirMorning()
    {
        // 14:00 UTC is 22:00 in Shanghai; 00:30 UTC the next day is 08:30 there.
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang", timeZone: "Asia/Shanghai");
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        _shop.App.Clock.Advance(TimeSpan.FromHours(5));
        await _shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));

        var atNight = await Notices.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(10.5));
        var inTheMorning = await Notices.DeliverDueAsync(Ct);

        Assert.Equal((0, 1), (atNight, inTheMorning));
    }

    [Fact]
    public async Task OldNewsAndCustomersWithoutAChatGetNoMessageAndNoFailure()
    {
        var (customer, _) = await _shop.CustomerInChatAsync("Wang Fang");
        var stale = await _shop.PlaceAsync(customer);
        var neverChatted = await _shop.AddCustomerAsync("Li Lei", "UTC", "en", consent: true);
        var unreachable = await _shop.PlaceAsync(neverChatted);

        _shop.App.Clock.Advance(TimeSpan.FromDays(10));
        var sent = await Nudges.DeliverDueAsync(Ct);

        Assert.Equal(0, sent);
        var ledger = _shop.Get<DeliveryLedger>();
        foreach (var order in new[] { stale, unreachable })
        {
            Assert.Null(await ledger.FindAsync(new DeliveryKey(DeliveryTopic.UnpaidOrder, order.Id, order.PlacedAt!.Value), Ct));
        }
    }

    private sealed class BilingualApplication : DirectLineApplication
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["Language:SupportedCultures:0"] = "en",
            ["Language:SupportedCultures:1"] = "zh-CN",
        };
    }
}
