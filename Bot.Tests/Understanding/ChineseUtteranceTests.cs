using CrmBot.Understanding;
using static CrmBot.Tests.Understanding.Recognition;

namespace CrmBot.Tests.Understanding;

/// <summary>What the bot reads in Chinese sentences (zh-CN), at 09:00 on 25 November 2026 in Shanghai.</summary>
public sealed class ChineseUtteranceTests
{
    [Theory]
    [InlineData("我的订单SO-10042到哪了", Intent.TrackOrder, "orderNumber SO-10042")]
    [InlineData("我想买三个蓝色杯子", Intent.PlaceOrder, "quantity 3")]
    [InlineData("帮我查一下客户张三", Intent.FindCustomer, "personName 张三")]
    [InlineData("SO-10042退款20元", Intent.RefundOrder, "orderNumber SO-10042", "money 20 CNY")]
    [InlineData("明天上午十点提醒我给张三打电话", Intent.SetReminder, "dateTime 2026-11-26T10:00:00+08:00", "personName 张三")]
    [InlineData("帮助", Intent.Help)]
    [InlineData("取消", Intent.Cancel)]
    [InlineData("人工客服", Intent.Human)]
    [InlineData("不要再给我发消息", Intent.OptOut)]
    [InlineData("工作流", Intent.ListWorkflows)]
    [InlineData("暂停 unpaid-order-nudge", Intent.PauseWorkflow)]
    [InlineData("恢复 unpaid-order-nudge", Intent.ResumeWorkflow)]
    [InlineData("放行 welcome-new-customer", Intent.ReleaseHeldRuns)]
    [InlineData("丢弃 welcome-new-customer", Intent.DiscardHeldRuns)]
    [InlineData("为什么zhang.san@example.com收到了发货通知", Intent.ExplainMessage, "email zhang.san@example.com")]
    public void ReadsTheIntentAndEntitiesOfEachExample(string text, Intent intent, params string[] entities)
    {
        var result = Recognize(text, "zh-CN");

        Assert.Equal(intent, result.Intent);
        Assert.InRange(result.Score, UtteranceRecognizer.Threshold, 1);
        Assert.Equal(entities, Entities(result));
        Assert.Equal("zh-CN", result.Culture);
    }

    [Theory]
    [InlineData("我的快递什么时候到", Intent.TrackOrder)]
    [InlineData("订单SO-10042发货了吗", Intent.TrackOrder)]
    [InlineData("还没收到货", Intent.TrackOrder)]
    [InlineData("我要下单", Intent.PlaceOrder)]
    [InlineData("你们卖什么", Intent.BrowseProducts)]
    [InlineData("这单不要了", Intent.CancelOrder)]
    [InlineData("我要改手机号", Intent.UpdateContact)]
    [InlineData("退订", Intent.OptOut)]
    [InlineData("重新订阅", Intent.OptIn)]
    [InlineData("转人工", Intent.Human)]
    [InlineData("找一下王小明", Intent.FindCustomer)]
    [InlineData("收到货款500元", Intent.RecordPayment)]
    [InlineData("SO-10042用顺丰发货，运单号SF1234567890", Intent.ShipOrder)]
    [InlineData("SO-10042已签收", Intent.DeliverOrder)]
    [InlineData("记录一下和张三的通话", Intent.LogInteraction)]
    [InlineData("我的提醒", Intent.ListReminders)]
    [InlineData("完成 2", Intent.CompleteReminder)]
    [InlineData("第2个提醒已完成", Intent.CompleteReminder)]
    [InlineData("取消第2个提醒", Intent.CancelReminder)]
    [InlineData("今天该给谁打电话", Intent.CallPlan)]
    [InlineData("王芳的购买可能性", Intent.ScoreCustomer)]
    [InlineData("删除 3 条提醒", Intent.CancelReminder)]
    [InlineData("你能做什么", Intent.Help)]
    [InlineData("算了吧", Intent.Cancel)]
    [InlineData("主菜单", Intent.Menu)]
    [InlineData("你好！", Intent.Greeting)]
    [InlineData("自动化规则", Intent.ListWorkflows)]
    [InlineData("查看工作流", Intent.ListWorkflows)]
    [InlineData("帮我暂停工作流 unpaid-order-nudge", Intent.PauseWorkflow)]
    [InlineData("启用 unpaid-order-nudge", Intent.ResumeWorkflow)]
    [InlineData("为什么张三收到了发货通知", Intent.ExplainMessage)]
    [InlineData("张三为什么收到付款提醒", Intent.ExplainMessage)]
    [InlineData("为什么给张三发了欢迎消息", Intent.ExplainMessage)]
    public void ReadsPhrasingsBeyondTheExamples(string text, Intent intent)
    {
        var result = Recognize(text, "zh-CN");

        Assert.Equal(intent, result.Intent);
    }

    [Fact]
    public void ReadsTheCarrierByItsChineseNameAndTheTrackingNumberAfterIt()
    {
        var result = Recognize("SO-10042用顺丰发货，运单号SF1234567890", "zh-CN");

        Assert.Equal(["orderNumber SO-10042", "carrier SF Express", "trackingNumber SF1234567890"], Entities(result));
    }

    [Fact]
    public void ReadsAmountsWrittenInChineseNumerals()
    {
        var result = Recognize("退款二十元", "zh-CN");

        Assert.Equal(Intent.RefundOrder, result.Intent);
        Assert.Equal(["money 20 CNY"], Entities(result));
    }

    [Fact]
    public void DoesNotTakeTheDigitOfASurnameOrOfAPhraseForANumber()
    {
        var result = Recognize("给张三打电话，查一下", "zh-CN");

        Assert.Equal(["personName 张三"], Entities(result));
    }
}
