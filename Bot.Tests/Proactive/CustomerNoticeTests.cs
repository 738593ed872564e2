using System.Globalization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Products;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Workflows;
using CrmBot.Tests.DirectLine;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Proactive;

/// <summary>
/// What a signed-in customer hears without writing first, from the shipped default workflows: one nudge for an unpaid
/// order, the news that it shipped and arrived; in their language, not at night, and nothing at all once they said stop.
/// </summary>
public sealed class CustomerNoticeTests : IAsyncLifetime
{
    private ProactiveShop _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WorkflowJobs Workflows => _shop.Get<WorkflowJobs>();

    public async ValueTask InitializeAsync() => _shop = await ProactiveShop.OpenAsync(new BilingualApplication());

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    /// <summary>Lets the welcome of the new customer go out, and returns the watermark after it.</summary>
    private async Task<string?> AfterWelcomeAsync(DirectLineClient.Session chat)
    {
        await Workflows.ProcessEventsAsync(Ct);
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));
        return watermark;
    }

    /// <summary>Both workflow jobs, as the schedule runs them.</summary>
    private async Task RunWorkflowsAsync()
    {
        await Workflows.ProcessEventsAsync(Ct);
        await Workflows.ScanAsync(Ct);
    }

    [Fact]
    public async Task AnUnpaidOrderGetsOneNudgeWithThePaymentInstructions()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        var watermark = await AfterWelcomeAsync(chat);

        _shop.App.Clock.Advance(TimeSpan.FromHours(23));
        await RunWorkflowsAsync();
        var tooEarly = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        _shop.App.Clock.Advance(TimeSpan.FromHours(1));
        await RunWorkflowsAsync();
        _shop.App.Clock.Advance(TimeSpan.FromHours(1));
        await RunWorkflowsAsync();

        Assert.Empty(tooEarly);
        var nudge = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.StartsWith($"Hello Wang Fang, a friendly reminder: your order {order.Number} (88.00 CNY) is waiting for your payment.", nudge);
        Assert.Contains($"Please quote {order.Number} as the payment reference", nudge);
        Assert.EndsWith("Reply \"stop sending me messages\" to stop them.)", nudge);
    }

    [Theory]
    [InlineData("en", "Wang Fang", "Hello Wang Fang, a friendly reminder: your order {0} (1,288.00 CNY) is waiting for your payment.")]
    [InlineData("zh-CN", "王芳", "王芳您好，温馨提醒：您的订单 {0}（¥1,288.00）尚未付款。")]
    public async Task TheNudgeWritesTheTotalAsTheCustomersLanguageWritesMoney(string language, string name, string expected)
    {
        await _shop.WithDbAsync(db =>
        {
            db.Products.Add(new Product("TEAPOT-1", "Zisha teapot", new Money(1288m, "CNY"), stock: 10));
            return db.SaveChangesAsync(Ct);
        });
        var (customer, chat) = await _shop.CustomerInChatAsync(name, language: language);
        var order = await _shop.OrdersAsync(orders => orders.PlaceAsync(
            new PlaceOrderRequest(customer.Id, [new OrderLineRequest("TEAPOT-1", 1)]), Actor.Customer(customer.Id, customer.Name), Ct));
        var watermark = await AfterWelcomeAsync(chat);

        _shop.App.Clock.Advance(TimeSpan.FromHours(25));
        await RunWorkflowsAsync();

        var nudge = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, expected, order.Number), nudge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaidOrderIsNotNudged()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        var watermark = await AfterWelcomeAsync(chat);

        _shop.App.Clock.Advance(TimeSpan.FromDays(1));
        await RunWorkflowsAsync();

        Assert.Empty(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
    }

    [Fact]
    public async Task ACustomerWhoSaidStopGetsNothingAndNoOldNewsWhenTheyStartAgain()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        await _shop.Client.SayAsync(chat, "stop sending me messages");
        await _shop.Client.SayAsync(chat, "yes");
        var unpaid = await _shop.PlaceAsync(customer);
        var shipped = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(shipped.Number, shipped.Total, "alipay", null, Actor.System, ct: Ct));
        await _shop.OrdersAsync(orders => orders.ShipAsync(shipped.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));
        var watermark = await AfterWelcomeAsync(chat);

        _shop.App.Clock.Advance(TimeSpan.FromDays(1));
        await RunWorkflowsAsync();
        var textsWhileStopped = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        await _shop.Client.SayAsync(await _shop.Client.ReconnectAsync(chat, DirectLineApplication.Secret), "start messages again");
        var (_, afterStart) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));
        await RunWorkflowsAsync();

        Assert.Empty(textsWhileStopped);

        // The order still unpaid is news now; the shipment that happened while they had said stop is not.
        var texts = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), afterStart);
        var nudge = Assert.Single(texts);
        Assert.Contains(unpaid.Number, nudge, StringComparison.Ordinal);
        Assert.Contains("waiting for your payment", nudge, StringComparison.Ordinal);
        var shippedRun = await RunAsync("order-shipped-notice", shipped.Id);
        Assert.Equal(WorkflowRunStatus.Skipped, shippedRun.Status);
        var consent = Assert.Single(WorkflowRunLog.Parse(shippedRun.Log).Conditions);
        Assert.Equal(new ConditionOutcome("customer.consent equals true", "false", false), consent);
    }

    [Fact]
    public async Task ShippingAndDeliveryAreAnnouncedOnceWithCarrierAndTrackingNumber()
    {
        var (customer, chat) = await _shop.CustomerInChatAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        var watermark = await AfterWelcomeAsync(chat);

        await _shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "SF Express", "SF1234567890", Actor.System, ct: Ct));
        await RunWorkflowsAsync();
        var afterShipping = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        _shop.App.Clock.Advance(TimeSpan.FromDays(2));
        await _shop.OrdersAsync(orders => orders.DeliverAsync(order.Number, Actor.System, ct: Ct));
        await RunWorkflowsAsync();
        await RunWorkflowsAsync();

        Assert.Single(afterShipping);
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
        var watermark = await AfterWelcomeAsync(chat);

        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "wechat", null, Actor.System, ct: Ct));
        await _shop.OrdersAsync(orders => orders.ShipAsync(order.Number, "顺丰速运", "SF1234567890", Actor.System, ct: Ct));
        await Workflows.ProcessEventsAsync(Ct);

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
        var watermark = await AfterWelcomeAsync(chat);

        await Workflows.ProcessEventsAsync(Ct);
        var atNight = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        var waiting = WorkflowRunLog.Parse((await RunAsync("order-shipped-notice", order.Id)).Log).Of(0);
        _shop.App.Clock.Advance(TimeSpan.FromHours(10.5));
        await Workflows.ProcessEventsAsync(Ct);

        Assert.Empty(atNight);
        Assert.Equal((ActionResult.Waiting, ActionReason.QuietHours), (waiting?.Result, waiting?.Reason));
        // The welcome, held back the same night, arrives with it.
        var texts = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        Assert.Single(texts, t => t.StartsWith("Good news, Wang Fang", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("Welcome, Wang Fang", StringComparison.Ordinal));
        Assert.Equal(WorkflowRunStatus.Done, (await RunAsync("order-shipped-notice", order.Id)).Status);
    }

    [Fact]
    public async Task OldNewsAndCustomersWithoutAChatGetNoMessageAndNoFailure()
    {
        var (customer, _) = await _shop.CustomerInChatAsync("Wang Fang");
        var stale = await _shop.PlaceAsync(customer);
        _shop.App.Clock.Advance(TimeSpan.FromDays(10));
        var neverChatted = await _shop.AddCustomerAsync("Li Lei", "UTC", "en", consent: true);
        var unreachable = await _shop.PlaceAsync(neverChatted);

        _shop.App.Clock.Advance(TimeSpan.FromDays(1));
        await RunWorkflowsAsync();

        await using var db = await _shop.DbAsync();
        Assert.False(await db.WorkflowRuns.AnyAsync(r => r.OrderId == stale.Id, Ct));
        var run = await RunAsync("unpaid-order-nudge", unreachable.Id);
        Assert.Equal(WorkflowRunStatus.Done, run.Status);
        var outcome = WorkflowRunLog.Parse(run.Log).Of(0);
        Assert.Equal((ActionResult.Skipped, ActionReason.NoConversation), (outcome?.Result, outcome?.Reason));
        Assert.False(await db.ProactiveDeliveries.AnyAsync(d => d.Topic == DeliveryTopic.WorkflowMessage, Ct));
    }

    private async Task<WorkflowRun> RunAsync(string workflow, Guid orderId)
    {
        await using var db = await _shop.DbAsync();
        return await db.WorkflowRuns.AsNoTracking().SingleAsync(r => r.Workflow == workflow && r.OrderId == orderId, Ct);
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
