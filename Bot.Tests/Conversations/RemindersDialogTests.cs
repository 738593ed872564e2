using CrmBot.Domain.Persistence;
using CrmBot.Domain.Reminders;
using CrmBot.Identity;
using CrmBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Conversations;

/// <summary>A rep sets reminders in their time zone, lists the open ones and completes them, through real turns.</summary>
public class RemindersDialogTests
{
    private const string Cancelled = "Okay, I've cancelled that. Write to me whenever you'd like to do something else.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task TomorrowAtTenIsTenInTheMorningOfTheNextDayInShanghai()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct, "Asia/Shanghai");

        await host.Flow(rep.AsCaller())
            .Send("remind me to call Alice tomorrow at 10")
            .AssertReply(reply => Assert.StartsWith("Okay, I'll remind you to call Alice on ", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        // The clock says 2026-03-02 09:00 UTC, 17:00 in Shanghai: tomorrow at 10 there is 02:00 UTC on the 3rd.
        var reminder = Assert.Single(await RemindersAsync(host));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), reminder.DueAt);
        Assert.Equal("call Alice", reminder.Text);
        Assert.Equal(rep.Id, reminder.RepId);
        Assert.Equal(ReminderStatus.Open, reminder.Status);
    }

    [Fact]
    public async Task TheTimeIsReadInTheRepsOwnTimeZone()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct, "Europe/Berlin");

        await host.Flow(rep.AsCaller()).Send("remind me to call Alice tomorrow at 10").StartTestAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), Assert.Single(await RemindersAsync(host)).DueAt);
    }

    [Fact]
    public async Task WhatAndWhenAreAskedForWhenNotSaid()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("set a reminder").AssertReply("What should I remind you of?")
            .Send("send Bob the quote").AssertReply("When should I remind you to send Bob the quote?")
            .Send("soon-ish").AssertReply("Please give a day and a time still to come, e.g. \"tomorrow at 10\" or \"next Friday 3pm\".")
            .Send("tomorrow at 10").AssertReply(reply => Assert.StartsWith("Okay, I'll remind you to send Bob the quote on ", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var reminder = Assert.Single(await RemindersAsync(host));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), reminder.DueAt);
        Assert.Equal("send Bob the quote", reminder.Text);
    }

    [Fact]
    public async Task TheTimeGivenFirstIsKeptWhileAskedWhatAcrossARestart()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller()).Send("remind me tomorrow at 10").AssertReply("What should I remind you of?").StartTestAsync();
        await host.Flow(rep.AsCaller(), restarted: true)
            .Send("call Bob").AssertReply(reply => Assert.StartsWith("Okay, I'll remind you to call Bob on ", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), Assert.Single(await RemindersAsync(host)).DueAt);
    }

    [Fact]
    public async Task CancelWhileAskedWhenSavesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller())
            .Send("remind me to call Alice").AssertReply("When should I remind you to call Alice?")
            .Send("cancel").AssertReply(Cancelled)
            .StartTestAsync();

        Assert.Empty(await RemindersAsync(host));
    }

    [Fact]
    public async Task MyRemindersListsTheOpenOnesSoonestFirstWithAButtonEach()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await SetAsync(host, rep.Id, "send the quote", TestDatabase.Start.AddDays(2));
        await SetAsync(host, rep.Id, "call Alice", TestDatabase.Start.AddDays(1));
        var done = await SetAsync(host, rep.Id, "already done", TestDatabase.Start.AddHours(1));
        await host.Database.InScopeAsync(services => services.GetRequiredService<ReminderService>().CompleteAsync(rep.Id, done.Id, Ct));

        await host.Flow(rep.AsCaller())
            .Send("my reminders").AssertReply(reply =>
            {
                var lines = reply.AsMessageActivity().Text.ReplaceLineEndings("\n").Split('\n');
                Assert.Equal("Your open reminders (2):", lines[0]);
                Assert.StartsWith("1. call Alice - ", lines[1], StringComparison.Ordinal);
                Assert.StartsWith("2. send the quote - ", lines[2], StringComparison.Ordinal);
                Assert.Equal(["Done 1", "Done 2"], reply.AsMessageActivity().SuggestedActions.Actions.Select(action => action.Title));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("done 2")]
    [InlineData("complete reminder 2")]
    [InlineData("Done 2")]
    public async Task AReminderFromTheListIsCompleted(string answer)
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var first = await SetAsync(host, rep.Id, "call Alice", TestDatabase.Start.AddDays(1));
        var second = await SetAsync(host, rep.Id, "send the quote", TestDatabase.Start.AddDays(2));

        await host.Flow(rep.AsCaller())
            .Send("my reminders").AssertReply(_ => { })
            .Send(answer).AssertReply("Marked as done: send the quote.")
            .StartTestAsync();

        var reminders = (await RemindersAsync(host)).ToDictionary(r => r.Id);
        Assert.Equal(ReminderStatus.Open, reminders[first.Id].Status);
        Assert.Equal(ReminderStatus.Done, reminders[second.Id].Status);
        Assert.Equal(TestDatabase.Start, reminders[second.Id].CompletedAt);
    }

    [Fact]
    public async Task CompletingWorksAfterTheBotRestarts()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var reminder = await SetAsync(host, rep.Id, "call Alice", TestDatabase.Start.AddDays(1));

        await host.Flow(rep.AsCaller()).Send("my reminders").AssertReply(_ => { }).StartTestAsync();
        await host.Flow(rep.AsCaller(), restarted: true).Send("done 1").AssertReply("Marked as done: call Alice.").StartTestAsync();

        Assert.Equal(ReminderStatus.Done, Assert.Single(await RemindersAsync(host)).Status);
    }

    [Theory]
    [InlineData("en-US", "done 2", "Marked as done: send the quote.", ReminderStatus.Done)]
    [InlineData("en-US", "complete reminder 2", "Marked as done: send the quote.", ReminderStatus.Done)]
    [InlineData("zh-CN", "完成 2", "已标记为完成：send the quote。", ReminderStatus.Done)]
    [InlineData("zh-CN", "第2个提醒已完成", "已标记为完成：send the quote。", ReminderStatus.Done)]
    [InlineData("en-US", "cancel reminder 2", "Cancelled: send the quote. I will not remind you of it.", ReminderStatus.Cancelled)]
    [InlineData("en-US", "delete reminder #2", "Cancelled: send the quote. I will not remind you of it.", ReminderStatus.Cancelled)]
    [InlineData("zh-CN", "取消第2个提醒", "已取消：send the quote。我不会再提醒您这件事。", ReminderStatus.Cancelled)]
    public async Task DoneOrCancelWithANumberActsOnThatReminderOfTheListStraightAway(string locale, string text, string answer, ReminderStatus status)
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var first = await SetAsync(host, rep.Id, "call Alice", TestDatabase.Start.AddDays(1));
        var second = await SetAsync(host, rep.Id, "send the quote", TestDatabase.Start.AddDays(2));

        await host.Flow(rep.AsCaller(), locale).Send(text).AssertReply(answer).StartTestAsync();

        var reminders = (await RemindersAsync(host)).ToDictionary(r => r.Id);
        Assert.Equal(ReminderStatus.Open, reminders[first.Id].Status);
        Assert.Equal(status, reminders[second.Id].Status);
    }

    [Fact]
    public async Task ANumberNotInTheListChangesNothing()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        await SetAsync(host, rep.Id, "call Alice", TestDatabase.Start.AddDays(1));

        await host.Flow(rep.AsCaller()).Send("done 5").AssertReply("You have no open reminder 5. Say \"my reminders\" to see them.").StartTestAsync();

        Assert.Equal(ReminderStatus.Open, Assert.Single(await RemindersAsync(host)).Status);
    }

    [Fact]
    public async Task OnlyTheRepsOwnRemindersAreListed()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);
        var colleague = await host.Database.WithDbAsync(async db =>
        {
            var other = new CrmBot.Domain.SalesReps.SalesRep("Wang Wei", "wang.wei@example.com", null, 20, "Asia/Shanghai");
            db.SalesReps.Add(other);
            await db.SaveChangesAsync(Ct);
            return other;
        });
        await SetAsync(host, colleague.Id, "call Alice", TestDatabase.Start.AddDays(1));

        await host.Flow(rep.AsCaller())
            .Send("my reminders").AssertReply("You have no open reminders.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ACustomerAskingForRemindersIsPolitelyRefused()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var customer = await host.Database.AddCustomerAsync(Ct);

        await host.Flow(Caller.Customer(customer.Id, "张三"))
            .Send("my reminders").AssertReply(reply => Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("remind me to call Alice tomorrow at 10").AssertReply(reply => Assert.StartsWith(RepArrangements.Refusal, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Empty(await RemindersAsync(host));
    }

    [Fact]
    public async Task AChineseRepSetsAReminderInChinese()
    {
        await using var host = await ConversationTestHost.CreateAsync(Provider, Ct);
        var rep = await host.Database.AddRepAsync(Ct);

        await host.Flow(rep.AsCaller(), locale: "zh-CN")
            .Send("提醒我明天上午十点给张三打电话").AssertReply(reply => Assert.StartsWith("好的，我会在 ", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        var reminder = Assert.Single(await RemindersAsync(host));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero), reminder.DueAt);
        Assert.Equal("给张三打电话", reminder.Text);
    }

    private static Task<Reminder> SetAsync(ConversationTestHost host, Guid repId, string text, DateTimeOffset dueAt) =>
        host.Database.InScopeAsync(services => services.GetRequiredService<ReminderService>().SetAsync(repId, text, dueAt, ct: Ct));

    private static Task<List<Reminder>> RemindersAsync(ConversationTestHost host) =>
        host.Database.WithDbAsync(db => db.Reminders.AsNoTracking().ToListAsync(Ct));
}
