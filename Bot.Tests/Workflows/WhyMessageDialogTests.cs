using CrmBot.Domain.Customers;
using CrmBot.Domain.Orders;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Tests.Conversations;
using CrmBot.Tests.Domain;
using CrmBot.Tests.Support;
using CrmBot.Workflows.Engine;
using Microsoft.Bot.Schema;
using static CrmBot.Tests.Workflows.Replies;

namespace CrmBot.Tests.Workflows;

/// <summary>"Why did 张三 get the shipping notice?": a rep finds the customer and reads the runs behind the message, through real turns.</summary>
public class WhyMessageDialogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task TellsTheRuleTheConditionValuesAndWhyEachRunDidWhatItDid()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var (_, shipped, skipped) = await ArrangeAsync(host.Database);

        await host.Flow(rep.AsCaller())
            .Send("why did zhang.san@example.com get the shipping notice?").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("The workflow runs for 张三 that match \"the shipping notice\":", paragraphs[0]);
                Assert.Equal(
                    $"""
                    order-shipped-notice - triggered Mar 1, 2026 5:00 PM for order {shipped.Number} (when an order ships)
                    • customer.consent equals true: found true, which holds
                    • message the customer (OrderShipped): done at Mar 1, 2026 5:05 PM
                    Done at Mar 1, 2026 5:05 PM.
                    """,
                    paragraphs[1]);
                Assert.Equal(
                    $"""
                    order-shipped-notice - triggered Feb 27, 2026 5:00 PM for order {skipped.Number} (when an order ships)
                    • customer.consent equals true: found false, which does not hold
                    Nothing done (at Feb 27, 2026 5:05 PM): a condition did not hold.
                    """,
                    paragraphs[2]);
                Assert.Equal(3, paragraphs.Length);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TellsEachActionsReasonInWords()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        var at = TestDatabase.Start.AddHours(-1);
        await host.Database.AddRunAsync("welcome-new-customer", "customerCreated", customer.Id, at, WorkflowRunStatus.Done, Ct, log: new WorkflowRunLog(
            [new ConditionOutcome("customer.consent equals true", "true", Held: true)],
            [new ActionOutcome(0, "messageCustomer(WelcomeCustomer)", ActionResult.Skipped, ActionReason.NoConversation, at.AddMinutes(5))]));

        await host.Flow(rep.AsCaller())
            .Send("why did 张三 receive the welcome message").AssertReply(reply => Assert.Contains(
                "• message the customer (WelcomeCustomer): skipped at Mar 2, 2026 4:05 PM, because they have never chatted with the bot, so there is no chat to write into\n",
                Text(reply),
                StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task SeveralCustomersOfThatNameAreAskedAbout()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await ArrangeAsync(host.Database);
        await host.Database.AddCustomerAsync("张三丰", "zhang.sanfeng@example.com", null, Ct);

        await host.Flow(rep.AsCaller())
            .Send("why did 张三 get the shipping notice?").AssertReply("I found 2 customers. Which one do you mean?")
            .Send("1").AssertReply(reply => Assert.StartsWith("The workflow runs for 张三 that match \"the shipping notice\":", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task WhenNothingMatchesTheLatestRunsThatMessagedTheCustomerAreTold()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await ArrangeAsync(host.Database);

        await host.Flow(rep.AsCaller())
            .Send("why did 张三 get a birthday coupon?").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("None of 张三's workflow runs matches \"a birthday coupon\". The latest that messaged them:", paragraphs[0]);
                Assert.Equal(3, paragraphs.Length);
                Assert.StartsWith("order-shipped-notice - triggered Mar 1, 2026 5:00 PM", paragraphs[1], StringComparison.Ordinal);
                Assert.StartsWith("welcome-new-customer - triggered Feb 26, 2026 5:00 PM", paragraphs[2], StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerWithoutRunsIsSaidToHaveNone()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await host.Database.AddCustomerAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("why did 张三 get the welcome message?").AssertReply("No workflow has run for 张三 yet, so no workflow has messaged them.")
            .StartTestAsync();
    }

    [Fact]
    public async Task AChineseRepAsksInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var (_, shipped, _) = await ArrangeAsync(host.Database);

        await host.Flow(rep.AsCaller(), "zh-CN")
            .Send("为什么张三收到了发货通知").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("张三与“发货通知”相关的工作流运行：", paragraphs[0]);
                Assert.Equal(
                    $"""
                    order-shipped-notice - 2026年3月1日 17:00 因订单 {shipped.Number} 触发（订单发货时）
                    • customer.consent equals true：实际为 true，成立
                    • 给客户发消息（OrderShipped）：2026年3月1日 17:05 已完成
                    已于 2026年3月1日 17:05 完成。
                    """,
                    paragraphs[1]);
                Assert.EndsWith("未执行任何操作（2026年2月27日 17:05）：有条件不成立。", paragraphs[2], StringComparison.Ordinal);
            })
            .Send("张三为什么收到欢迎消息").AssertReply(reply => Assert.StartsWith("张三与“欢迎消息”相关的工作流运行：\n\nwelcome-new-customer - ", Text(reply), StringComparison.Ordinal))
            .StartTestAsync();
    }

    /// <summary>
    /// 张三 welcomed four days ago, one order's shipment notice sent yesterday, and an earlier one's skipped because
    /// the consent condition did not hold then.
    /// </summary>
    private static async Task<(Customer Customer, Order Shipped, Order Skipped)> ArrangeAsync(TestDatabase db)
    {
        var skipped = await db.ShippedOrderAsync(Ct);
        var shipped = await db.PlaceAsync(skipped.CustomerId, Ct, new OrderLineRequest(ShopArrangements.Tea, 1));
        var customer = await db.CustomersAsync(customers => customers.GetAsync(skipped.CustomerId, Ct));
        var welcomed = TestDatabase.Start.AddDays(-4);
        await db.AddRunAsync("welcome-new-customer", "customerCreated", customer.Id, welcomed, WorkflowRunStatus.Done, Ct,
            log: WorkflowRunArrangements.Sent("messageCustomer(WelcomeCustomer)", welcomed));
        var before = TestDatabase.Start.AddDays(-3);
        await db.AddRunAsync("order-shipped-notice", "orderShipped", customer.Id, before, WorkflowRunStatus.Skipped, Ct, skipped.Id, new WorkflowRunLog(
            [new ConditionOutcome("customer.consent equals true", "false", Held: false)], []) { Skipped = RunSkipReason.Conditions });
        var yesterday = TestDatabase.Start.AddDays(-1);
        await db.AddRunAsync("order-shipped-notice", "orderShipped", customer.Id, yesterday, WorkflowRunStatus.Done, Ct, shipped.Id,
            WorkflowRunArrangements.Sent("messageCustomer(OrderShipped)", yesterday));
        return (customer, shipped, skipped);
    }
}
