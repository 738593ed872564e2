using System.Globalization;
using CrmBot.Domain.Common;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Conversations;

/// <summary>
/// The main customer and rep conversations end to end in Chinese (zh-CN): Chinese sentences in, Chinese replies out,
/// re-prompts after answers that do not fit, Chinese yes/no and ordinal answers, and 取消 midway changing nothing.
/// Amounts are left out of the assertions: their format is the money formatter's to test.
/// </summary>
public class ChineseConversationTests
{
    private const string Chinese = "zh-CN";
    private const string Cancelled = "好的，已经取消了。想做别的事情时随时告诉我。";

    private static readonly Caller Rep = Caller.Rep(TestDatabase.Rep.Id!.Value, "Li Na");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task ASignedInCustomerTracksAnOrderByItsNumber()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.ShippedOrderAsync(Ct);

        await host.Flow(Caller.Customer(order.CustomerId, "张三"), Chinese)
            .Send($"我的订单{order.Number}到哪了").AssertReply(reply =>
            {
                var lines = Lines(reply);
                Assert.StartsWith($"订单 {order.Number}：已发货。", lines[0], StringComparison.Ordinal);
                Assert.Equal("承运商 SF Express，运单号 SF1234567890。", lines[1]);
                Assert.Equal(["草稿", "已下单，待付款", "已付款", "已发货"], lines[2..].Select(l => l[(l.IndexOf('：', StringComparison.Ordinal) + 1)..]));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerWithoutANumberPicksTheirOrderAndCanCancelInstead()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.PaidOrderAsync(Ct);
        var customer = Caller.Customer(order.CustomerId, "张三");

        await host.Flow(customer, Chinese)
            .Send("我的订单到哪了").AssertReply(reply =>
            {
                Assert.Equal("您想查询哪个订单？", reply.AsMessageActivity().Text);
                Assert.Equal([order.Number], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("第一个").AssertReply(reply => Assert.StartsWith($"订单 {order.Number}：已付款。", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("我的快递什么时候到").AssertReply("您想查询哪个订单？")
            .Send("取消").AssertReply(Cancelled)
            .StartTestAsync();
    }

    [Fact]
    public async Task AVisitorOrdersThreeBlueCupsAnsweringInChineseAndIsAskedAgainAfterAnswersThatDoNotFit()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("CUP-BLUE", 40m, 5, Ct, name: "蓝色杯子");

        await host.Flow(Caller.Anonymous, Chinese)
            .Send("我想买三个蓝色杯子").AssertReply(Text("已将 3 × 蓝色杯子 加入订单", "还需要别的吗？"))
            .Send("十个").AssertReply(Text("请回答“是”或“否”。已将 3 × 蓝色杯子 加入订单", "还需要别的吗？"))
            .Send("不要").AssertReply("订单收货人姓名是？")
            .Send("王五").AssertReply("谢谢，王五。关于这个订单，我们可以通过哪个邮箱或手机号联系您？")
            .Send("138 0013").AssertReply("这不是有效的电话号码。请输入邮箱（如 name@example.com）或手机号。")
            .Send("+86 138 0013 8000").AssertReply(reply =>
            {
                Assert.Contains("收货人：王五，+86 138 0013 8000", reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.EndsWith("确认下单吗？", reply.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Equal(["是", "否"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("确认").AssertReply(Text($"谢谢！您的订单 SO-", "。"))
            .AssertReply(Text("付款方式", "收到付款后即发货。"))
            .StartTestAsync();

        var order = Assert.Single(await OrdersAsync(host));
        Assert.Equal(3, order.Lines.Single().Quantity);
        Assert.Equal(2, await host.Database.StockAsync("CUP-BLUE", Ct));
        var customer = await host.Database.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == order.CustomerId, Ct));
        Assert.Equal(("王五", "+8613800138000"), (customer.Name, customer.Phone));
    }

    [Fact]
    public async Task AVisitorPicksTheSecondProductByItsOrdinal()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.StockTheShopAsync(Ct);

        await host.Flow(Caller.Anonymous, Chinese)
            .Send("我要下单").AssertReply(Text("您想买哪件商品？\n1. Celadon cup（CUP-CELADON）", ""))
            .Send("随便").AssertReply(Text("请从选项中选择一个。您想买哪件商品？", ""))
            .Send("第二个").AssertReply(Text("您要几件Longjing tea？", "库存 10 件）"))
            .Send("很多").AssertReply("请输入 1 到 10 之间的数字。")
            .Send("两个").AssertReply(Text("已将 2 × Longjing tea 加入订单", "还需要别的吗？"))
            .Send("不").AssertReply("订单收货人姓名是？")
            .Send("取消").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Empty(await OrdersAsync(host));
    }

    [Fact]
    public async Task CancellingAnOrderMidwayInChineseCreatesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddProductAsync("CUP-BLUE", 40m, 5, Ct, name: "蓝色杯子");

        await host.Flow(Caller.Anonymous, Chinese)
            .Send("我想买三个蓝色杯子").AssertReply(Text("已将 3 × 蓝色杯子 加入订单", "还需要别的吗？"))
            .Send("不").AssertReply("订单收货人姓名是？")
            .Send("王五").AssertReply("谢谢，王五。关于这个订单，我们可以通过哪个邮箱或手机号联系您？")
            .Send("取消").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Empty(await OrdersAsync(host));
        Assert.Equal(0, await host.Database.WithDbAsync(db => db.Customers.CountAsync(Ct)));
        Assert.Equal(5, await host.Database.StockAsync("CUP-BLUE", Ct));
    }

    [Fact]
    public async Task ARepFindsACustomerByPartOfTheNameAndPicksTheSecondMatch()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        await host.Database.AddCustomerAsync(Ct);
        await host.Database.AddCustomerAsync("张伟", "zhang.wei@example.com", "139 0013 9000", Ct);

        await host.Flow(Rep, Chinese)
            .Send("帮我查一下客户张").AssertReply(reply => Assert.Equal(["张三 (zhang.san@example.com)", "张伟 (zhang.wei@example.com)"], Choices(reply).Order(StringComparer.Ordinal)))
            .Send("第二个").AssertReply(reply => Assert.Equal(["邮箱：zhang.wei@example.com", "电话：+8613900139000"], Lines(reply)[1..3]))
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepAskedWhomToFindCanCancelInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);

        await host.Flow(Rep, Chinese)
            .Send("查找客户").AssertReply("您要找哪位客户？请输入姓名、邮箱、电话号码或订单号。")
            .Send("取消").AssertReply(Cancelled)
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepRefundsTwentyYuanAfterConfirmingWithShi()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep, Chinese)
            .Send($"{order.Number}退款20元").AssertReply(Text($"订单 {order.Number}：已送达。", "已送达"))
            .AssertReply("退款原因是什么？")
            .Send("杯子有裂纹").AssertReply(Text($"因“杯子有裂纹”为订单 {order.Number} 退款 ", "？"))
            .Send("是").AssertReply($"完成：订单 {order.Number} 的状态现为“部分退款”。")
            .StartTestAsync();

        var refunded = await host.Database.ReloadAsync(order.Number, Ct);
        Assert.Equal((OrderStatus.PartiallyRefunded, new Money(20m, "CNY")), (refunded.Status, refunded.AmountRefunded));
        Assert.Equal("杯子有裂纹", refunded.Refunds.Single().Reason);
    }

    [Fact]
    public async Task ARepIsAskedAgainForAnAmountThatIsNoneAndMayGiveItInChineseNumerals()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);

        await host.Flow(Rep, Chinese)
            .Send($"{order.Number}退款").AssertReply(Text($"订单 {order.Number}：已送达。", "已送达"))
            .AssertReply(Text("退款多少？最多 ", "；输入“全部”即全额退款。"))
            .Send("很多").AssertReply(Text("请输入大于零的金额，例如 20，或输入“全部”退还 ", "。"))
            .Send("零").AssertReply(Text("请输入大于零的金额", "。"))
            .Send("二十元").AssertReply("退款原因是什么？")
            .Send("商品破损").AssertReply(Text($"因“商品破损”为订单 {order.Number} 退款 ", "？"))
            .Send("好的").AssertReply($"完成：订单 {order.Number} 的状态现为“部分退款”。")
            .StartTestAsync();

        Assert.Equal(new Money(20m, "CNY"), (await host.Database.ReloadAsync(order.Number, Ct)).AmountRefunded);
    }

    [Theory]
    [InlineData("取消", Cancelled)]
    [InlineData("不要", "好的，订单 {0} 保持不变。")]
    public async Task ARepWhoSaysNoOrCancelAtTheConfirmationChangesNothing(string answer, string reply)
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var order = await host.Database.DeliveredOrderAsync(Ct);
        var before = await host.Database.SnapshotAsync(order.Number, Ct);

        await host.Flow(Rep, Chinese)
            .Send($"{order.Number}退款20元").AssertReply(Text($"订单 {order.Number}：已送达。", "已送达"))
            .AssertReply("退款原因是什么？")
            .Send("杯子有裂纹").AssertReply(Text($"因“杯子有裂纹”为订单 {order.Number} 退款 ", "？"))
            .Send(answer).AssertReply(string.Format(CultureInfo.InvariantCulture, reply, order.Number))
            .StartTestAsync();

        Assert.Equal(before, await host.Database.SnapshotAsync(order.Number, Ct));
    }

    [Fact]
    public async Task ARepInBerlinIsRemindedAtTenInTheMorningBerlinTime()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct, "Europe/Berlin");

        await host.Flow(rep.AsCaller(), Chinese)
            .Send("明天上午十点提醒我给张三打电话").AssertReply("好的，我会在 2026年3月3日星期二 10:00 提醒您给张三打电话。")
            .StartTestAsync();

        // The clock says 2026-03-02 09:00 UTC; 10:00 in Berlin (UTC+1 in March) tomorrow is 09:00 UTC on the 3rd.
        var reminder = Assert.Single(await RemindersAsync(host));
        Assert.Equal((new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), "给张三打电话"), (reminder.DueAt, reminder.Text));
    }

    [Fact]
    public async Task ARepIsAskedWhatAndWhenInChineseAndCancellingSetsNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller(), Chinese)
            .Send("设置提醒").AssertReply("要提醒您做什么？")
            .Send("给李四发报价").AssertReply(reply => Assert.Contains("给李四发报价", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("找个时间").AssertReply("请给出一个未来的日期和时间，例如“明天上午十点”或“下周五下午三点”。")
            .Send("取消").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Empty(await RemindersAsync(host));
    }

    private static Action<IActivity> Text(string start, string end) => reply =>
    {
        var text = reply.AsMessageActivity().Text;
        Assert.StartsWith(start, text, StringComparison.Ordinal);
        Assert.EndsWith(end, text, StringComparison.Ordinal);
    };

    private static string[] Lines(IActivity reply) => reply.AsMessageActivity().Text.Split('\n');

    private static IEnumerable<string> Choices(IActivity reply) =>
        reply.AsMessageActivity().SuggestedActions?.Actions.Select(a => a.Title) ?? [];

    private static Task<List<Order>> OrdersAsync(ConversationTestHost host) =>
        host.Database.WithDbAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().ToListAsync(Ct));

    private static Task<List<Reminder>> RemindersAsync(ConversationTestHost host) =>
        host.Database.WithDbAsync(db => db.Reminders.AsNoTracking().ToListAsync(Ct));
}
