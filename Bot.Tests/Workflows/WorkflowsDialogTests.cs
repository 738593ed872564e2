using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using CrmBot.Identity;
using CrmBot.Tests.Conversations;
using CrmBot.Tests.Support;
using CrmBot.Workflows.Engine;
using Microsoft.Bot.Schema;
using static CrmBot.Tests.Workflows.Replies;

namespace CrmBot.Tests.Workflows;

/// <summary>A rep lists the sales workflows, pauses and resumes one, and releases or discards held runs, through real turns.</summary>
public class WorkflowsDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";

    /// <summary>A rule with an unknown trigger (line 4) beside one that turns a shipped default off.</summary>
    private const string BrokenFile = """
        {
          "workflows": [
            { "name": "welcome-new-customer", "enabled": false },
            { "name": "thank-paid", "trigger": { "type": "orderPayed" }, "actions": [ { "type": "tagCustomer", "tag": "paid" } ] }
          ]
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task TheListShowsEachRuleWithItsStateWhatItDoesAndItsLastRun()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.AddRunAsync("order-shipped-notice", "orderShipped", customer.Id, TestDatabase.Start.AddDays(-10), WorkflowRunStatus.Failed, Ct);
        await host.Database.AddRunAsync("order-shipped-notice", "orderShipped", customer.Id, TestDatabase.Start.AddDays(-2), WorkflowRunStatus.Done, Ct);
        await host.Database.AddRunAsync("order-shipped-notice", "orderShipped", customer.Id, TestDatabase.Start.AddDays(-1), WorkflowRunStatus.Skipped, Ct);

        await host.Flow(rep.AsCaller())
            .Send("workflows").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("Sales workflows (5):", paragraphs[0]);
                Assert.Equal(
                    """
                    • order-shipped-notice: on
                    when an order ships: message the customer (OrderShipped)
                    Last run: Mar 1, 2026 5:00 PM (skipped). Last 7 days: 1 done, 1 skipped, 0 failed.
                    """,
                    Rule(paragraphs, "order-shipped-notice"));
                Assert.Equal(
                    """
                    • unpaid-order-nudge: on
                    when an order has been placed and waiting for payment for 1 day(s): message the customer (UnpaidOrderNudge)
                    No runs yet.
                    """,
                    Rule(paragraphs, "unpaid-order-nudge"));
                Assert.StartsWith("• likely-buyer-no-contact: on\nwhen nobody has been in touch with the customer for 30 day(s): a reminder for their rep (CallLikelyBuyer)", Rule(paragraphs, "likely-buyer-no-contact"), StringComparison.Ordinal);
                Assert.StartsWith("Say \"pause <name>\"", paragraphs[^1], StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheListSaysWhichRulesAreOffAndWhichAreInvalidWithTheirFirstError()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await host.UseWorkflowsAsync(BrokenFile, Ct);

        await host.Flow(rep.AsCaller())
            .Send("show workflows").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("Sales workflows (6):", paragraphs[0]);
                Assert.StartsWith("• welcome-new-customer: off (turned off in the workflows file)\n", Rule(paragraphs, "welcome-new-customer"), StringComparison.Ordinal);
                Assert.StartsWith(
                    "• thank-paid: invalid, so it does not run: workflows.json line 4: rule 'thank-paid', trigger.type: \"orderPayed\" is not one of",
                    Rule(paragraphs, "thank-paid"),
                    StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task PausingRecordsTheRepAndTheListShowsWhoPausedIt()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("pause unpaid-order-nudge")
            .AssertReply("Paused unpaid-order-nudge: no new runs start, and pending ones wait until you resume it.")
            .Send("workflows")
            .AssertReply(reply => Assert.StartsWith("• unpaid-order-nudge: paused by Li Na since Mar 2, 2026 5:00 PM\n", Rule(Paragraphs(reply), "unpaid-order-nudge"), StringComparison.Ordinal))
            .StartTestAsync();

        var pause = Assert.Single(await host.Database.SwitchesAsync(Ct));
        Assert.Equal(("unpaid-order-nudge", true, rep.Id, TestDatabase.Start), (pause.Workflow, pause.Paused, pause.RepId, pause.At));
    }

    [Fact]
    public async Task PausingAPausedRuleSaysWhoPausedItAndRecordsNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("pause unpaid-order-nudge").AssertReply(_ => { })
            .Send("pause unpaid-order-nudge").AssertReply(reply => Assert.Equal("unpaid-order-nudge is already paused: Li Na paused it on Mar 2, 2026 5:00 PM.", Text(reply)))
            .StartTestAsync();

        Assert.Single(await host.Database.SwitchesAsync(Ct));
    }

    [Fact]
    public async Task ResumingUnpausesTheRuleWithTheRepOnRecordAndSaysWhenItIsNotPaused()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("pause unpaid-order-nudge").AssertReply(_ => { })
            .Send("resume Unpaid order nudge").AssertReply("Resumed unpaid-order-nudge: new runs start again, and its pending runs go out when due.")
            .Send("resume unpaid-order-nudge").AssertReply("unpaid-order-nudge is not paused: it is running.")
            .Send("workflows").AssertReply(reply => Assert.StartsWith("• unpaid-order-nudge: on\n", Rule(Paragraphs(reply), "unpaid-order-nudge"), StringComparison.Ordinal))
            .StartTestAsync();

        var switches = await host.Database.SwitchesAsync(Ct);
        Assert.Equal([true, false], switches.Select(s => s.Paused));
        Assert.All(switches, s => Assert.Equal(rep.Id, s.RepId));
    }

    [Fact]
    public async Task ABeginningNamesTheRuleItBeginsUnlessItBeginsSeveral()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("pause order").AssertReply("\"order\" could be order-shipped-notice, order-delivered-notice. Which one? Say its full name.")
            .Send("pause welcome").AssertReply("Paused welcome-new-customer: no new runs start, and pending ones wait until you resume it.")
            .StartTestAsync();

        Assert.Equal("welcome-new-customer", Assert.Single(await host.Database.SwitchesAsync(Ct)).Workflow);
    }

    [Fact]
    public async Task AnUnknownNameIsSaidWithTheNamesThereAre()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("pause birthday-coupon")
            .AssertReply("I don't know a workflow called \"birthday-coupon\". The workflows: unpaid-order-nudge, order-shipped-notice, order-delivered-notice, welcome-new-customer, likely-buyer-no-contact.")
            .StartTestAsync();

        Assert.Empty(await host.Database.SwitchesAsync(Ct));
    }

    [Fact]
    public async Task AnInvalidRuleCannotBeResumedUntilItsErrorIsFixed()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await host.UseWorkflowsAsync(BrokenFile, Ct);

        await host.Flow(rep.AsCaller())
            .Send("resume thank-paid").AssertReply(reply => Assert.StartsWith(
                "thank-paid cannot be resumed until its error is fixed in the workflows file: workflows.json line 4: rule 'thank-paid', trigger.type:",
                reply.AsMessageActivity().Text,
                StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Empty(await host.Database.SwitchesAsync(Ct));
    }

    [Fact]
    public async Task ACustomerIsRefusedAndNothingChanges()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 1, Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("workflows").AssertReply(StartsWithRefusal)
            .Send("pause unpaid-order-nudge").AssertReply(StartsWithRefusal)
            .Send("release welcome-new-customer").AssertReply(StartsWithRefusal)
            .Send("why did 张三 get the welcome message?").AssertReply(StartsWithRefusal)
            .StartTestAsync();

        Assert.Empty(await host.Database.SwitchesAsync(Ct));
        Assert.Equal(WorkflowRunStatus.Held, Assert.Single(await host.Database.RunsAsync(Ct)).Status);
    }

    [Fact]
    public async Task ReleasingAfterAYesMakesTheHeldRunsDueNow()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 3, Ct);

        await host.Flow(rep.AsCaller())
            .Send("release welcome-new-customer").AssertReply(reply =>
            {
                Assert.Equal("Release 3 message(s) of welcome-new-customer? They go out to the customers now.", reply.AsMessageActivity().Text);
                Assert.Equal(["Yes", "No"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .StartTestAsync();
        host.Database.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.Flow(rep.AsCaller())
            .Send("yes").AssertReply("Released 3 message(s) of welcome-new-customer: they go out now.")
            .StartTestAsync();

        var runs = await host.Database.RunsAsync(Ct);
        Assert.All(runs, run => Assert.Equal((WorkflowRunStatus.Pending, TestDatabase.Start.AddMinutes(2)), (run.Status, run.DueAt)));
    }

    [Fact]
    public async Task NoKeepsTheRunsHeld()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 1, Ct);

        await host.Flow(rep.AsCaller())
            .Send("release welcome-new-customer").AssertReply(_ => { })
            .Send("no").AssertReply("Okay, the messages of welcome-new-customer stay held.")
            .StartTestAsync();

        Assert.Equal(WorkflowRunStatus.Held, Assert.Single(await host.Database.RunsAsync(Ct)).Status);
    }

    [Fact]
    public async Task HelpAndCancelWorkWhileTheReleaseWaitsForAYes()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 1, Ct);

        await host.Flow(rep.AsCaller())
            .Send("release welcome-new-customer").AssertReply(_ => { })
            .Send("help").AssertReply(reply => Assert.StartsWith("Yes sends the held messages of welcome-new-customer now", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .AssertReply("Release 1 message(s) of welcome-new-customer? They go out to the customers now.")
            .Send("cancel").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Equal(WorkflowRunStatus.Held, Assert.Single(await host.Database.RunsAsync(Ct)).Status);
    }

    [Fact]
    public async Task ReleasingOrDiscardingWhenNothingIsHeldSaysSo()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("release order-shipped-notice").AssertReply("order-shipped-notice has no held messages: there is nothing to release or discard.")
            .Send("discard order-shipped-notice").AssertReply("order-shipped-notice has no held messages: there is nothing to release or discard.")
            .StartTestAsync();
    }

    [Fact]
    public async Task DiscardingSkipsTheHeldRunsForGoodAndLeavesTheOthers()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 2, Ct);
        var pending = await host.Database.AddRunAsync("welcome-new-customer", "customerCreated", customer.Id, TestDatabase.Start, WorkflowRunStatus.Pending, Ct);

        await host.Flow(rep.AsCaller())
            .Send("workflows").AssertReply(reply => Assert.EndsWith(
                "\n2 message(s) held for confirmation: say \"release welcome-new-customer\" or \"discard welcome-new-customer\".",
                Rule(Paragraphs(reply), "welcome-new-customer"),
                StringComparison.Ordinal))
            .Send("discard welcome-new-customer").AssertReply("Discarded 2 held message(s) of welcome-new-customer: they will not be sent.")
            .StartTestAsync();

        var runs = await host.Database.RunsAsync(Ct);
        Assert.Equal(WorkflowRunStatus.Pending, runs.Single(r => r.Id == pending.Id).Status);
        Assert.All(runs.Where(r => r.Id != pending.Id), run =>
        {
            Assert.Equal((WorkflowRunStatus.Skipped, TestDatabase.Start), (run.Status, run.CompletedAt));
            Assert.Equal(RunSkipReason.Discarded, WorkflowRunLog.Parse(run.Log).Skipped);
        });
    }

    [Fact]
    public async Task AChineseRepListsPausesResumesReleasesAndDiscardsInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);
        await host.Database.HoldAsync("welcome-new-customer", "customerCreated", customer.Id, 2, Ct);
        await host.Database.HoldAsync("order-delivered-notice", "orderDelivered", customer.Id, 1, Ct);

        await host.Flow(rep.AsCaller(), "zh-CN")
            .Send("工作流").AssertReply(reply =>
            {
                var paragraphs = Paragraphs(reply);
                Assert.Equal("销售工作流（5 条）：", paragraphs[0]);
                Assert.Equal(
                    """
                    • welcome-new-customer：运行中
                    新客户创建时：给客户发消息（WelcomeCustomer）
                    最近一次运行：2026年3月2日 17:00（暂扣待确认）。近 7 天：完成 0，跳过 0，失败 0。
                    2 条消息暂扣待确认：请说“放行 welcome-new-customer”或“丢弃 welcome-new-customer”。
                    """,
                    Rule(paragraphs, "welcome-new-customer"));
            })
            .Send("暂停 unpaid-order-nudge").AssertReply("已暂停 unpaid-order-nudge：不再开始新的运行，待执行的运行会等到您恢复后再执行。")
            .Send("恢复 unpaid-order-nudge").AssertReply("已恢复 unpaid-order-nudge：重新开始新的运行，待执行的运行会按时执行。")
            .Send("启用 unpaid-order-nudge").AssertReply("unpaid-order-nudge 没有暂停，正在运行。")
            .Send("放行 welcome-new-customer").AssertReply("放行 welcome-new-customer 的 2 条消息？消息将立即发给客户。")
            .Send("是").AssertReply("已放行 welcome-new-customer 的 2 条消息，即将发出。")
            .Send("丢弃 order-delivered-notice").AssertReply("已丢弃 order-delivered-notice 的 1 条暂扣消息，它们不会发出。")
            .Send("暂停 生日优惠").AssertReply(reply => Assert.StartsWith("没有名为“生日优惠”的工作流。现有工作流：unpaid-order-nudge、", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal([true, false], (await host.Database.SwitchesAsync(Ct)).Select(s => s.Paused));
        var runs = await host.Database.RunsAsync(Ct);
        Assert.All(runs.Where(r => r.Workflow == "welcome-new-customer"), run => Assert.Equal(WorkflowRunStatus.Pending, run.Status));
        Assert.Equal(WorkflowRunStatus.Skipped, runs.Single(r => r.Workflow == "order-delivered-notice").Status);
    }

    private static void StartsWithRefusal(IActivity reply) =>
        Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal);

    private static string Rule(string[] paragraphs, string name) =>
        paragraphs.Single(p => p.StartsWith($"• {name}:", StringComparison.Ordinal) || p.StartsWith($"• {name}：", StringComparison.Ordinal));
}
