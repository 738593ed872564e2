using CrmBot.Domain.Workflows;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// The triggers no event announces fire when their time has come, not a minute before, and once: an order left in a
/// state, a customer nobody contacted, a schedule in the customer's or the team's time, a likelihood crossing a line.
/// The test clock starts on Wednesday 2026-11-25 at 09:00 UTC.
/// </summary>
public sealed class TimeTriggerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AnOrderStillPlacedAfterTwoDaysIsNudgedOnceAndOneThatWasPaidIsNot()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "unpaid-two-days",
              "trigger": { "type": "orderInState", "status": "Placed", "days": 2 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "{orderNumber} is still unpaid after {days} days" } } ]
            }
            """);
        var (customer, chat) = await shop.CustomerInChatAsync("Wang Fang");
        var unpaid = await shop.PlaceAsync(customer);
        var paidLater = await shop.PlaceAsync(customer);
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.PayAsync(paidLater);

        shop.Clock.Advance(TimeSpan.FromDays(1) - Minute);
        await shop.ScanAsync();
        var aMinuteEarly = await shop.MessagesAsync(chat);
        shop.Clock.Advance(Minute);
        await shop.ScanAsync();
        await shop.ScanAsync();
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.ScanAsync();

        Assert.Empty(aMinuteEarly);
        Assert.Equal([$"{unpaid.Number} is still unpaid after 2 days"], await shop.MessagesAsync(chat));
    }

    [Fact]
    public async Task AnOrderThatMovedOnBeforeItsDaysWereUpIsNotNudged()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "paid-not-shipped",
              "trigger": { "type": "orderInState", "status": "Paid", "days": 2 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "{orderNumber} will ship soon" } } ]
            }
            """);
        var (customer, chat) = await shop.CustomerInChatAsync("Wang Fang");
        var shipped = await shop.PlaceAsync(customer);
        var waiting = await shop.PlaceAsync(customer);
        await shop.PayAsync(shipped);
        await shop.PayAsync(waiting);

        shop.Clock.Advance(TimeSpan.FromDays(2) - Minute);
        await shop.ShipAsync(shipped);
        shop.Clock.Advance(Minute);
        await shop.ScanAsync();

        Assert.Equal([$"{waiting.Number} will ship soon"], await shop.MessagesAsync(chat));
    }

    [Fact]
    public async Task ACustomerNobodyContactedIsRemindedOnceAfterNDaysAndAgainOnlyNDaysAfterANewContact()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "silent-three-days",
              "trigger": { "type": "noContact", "days": 3 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "{name}, it has been {days} days" } } ]
            }
            """);
        var (rep, _) = await shop.RepInChatAsync("Li Na");
        var (customer, chat) = await shop.CustomerInChatAsync("Wang Fang", repId: rep.Id);
        var heard = new List<int>();
        async Task ScanAtAsync(TimeSpan later)
        {
            shop.Clock.Advance(later);
            await shop.ScanAsync();
            heard.Add((await shop.MessagesAsync(chat)).Length);
        }

        await ScanAtAsync(TimeSpan.FromDays(3) - Minute);
        await ScanAtAsync(Minute);
        await ScanAtAsync(TimeSpan.FromDays(1));
        await shop.LogCallAsync(customer, rep);
        await ScanAtAsync(TimeSpan.FromDays(3) - Minute);
        await ScanAtAsync(Minute);
        await ScanAtAsync(TimeSpan.FromHours(1));

        Assert.Equal([0, 1, 1, 1, 2, 2], heard);
        Assert.All(await shop.MessagesAsync(chat), m => Assert.Equal("Wang Fang, it has been 3 days", m));
    }

    [Fact]
    public async Task ACustomerSilentForFarLongerThanANewRulesDaysHearsFromItOnceNow()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "we-miss-you",
              "trigger": { "type": "noContact", "days": 3 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "{name}, we miss you" } } ]
            }
            """);
        var (_, chat) = await shop.CustomerInChatAsync("Wang Fang");

        // Nobody scanned for 40 days (the rule is new, or was off): not stale news, but news now.
        shop.Clock.Advance(TimeSpan.FromDays(40));
        await shop.ScanAsync();
        shop.Clock.Advance(TimeSpan.FromDays(1));
        await shop.ScanAsync();

        Assert.Equal(["Wang Fang, we miss you"], await shop.MessagesAsync(chat));
        Assert.Equal(WorkflowRunStatus.Done, (await shop.RunAsync("we-miss-you")).Status);
    }

    [Fact]
    public async Task AScheduleFiresAtItsTimeInEachCustomersOwnTimeZone()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "thursday-morning",
              "trigger": { "type": "schedule", "cron": "0 9 * * THU" },
              "actions": [ { "type": "messageCustomer", "text": { "en": "Good morning, {name}" } } ]
            }
            """);
        var (_, shanghai) = await shop.CustomerInChatAsync("Wang Fang", timeZone: "Asia/Shanghai");
        var (_, losAngeles) = await shop.CustomerInChatAsync("Mary Lee", timeZone: "America/Los_Angeles");
        var heard = new List<(int Shanghai, int LosAngeles)>();
        async Task ScanAtAsync(TimeSpan later)
        {
            shop.Clock.Advance(later);
            await shop.ScanAsync();
            heard.Add(((await shop.MessagesAsync(shanghai)).Length, (await shop.MessagesAsync(losAngeles)).Length));
        }

        // Thursday 09:00 is 01:00 UTC in Shanghai and 17:00 UTC in Los Angeles.
        await ScanAtAsync(TimeSpan.FromHours(16) - Minute);
        await ScanAtAsync(Minute);
        await ScanAtAsync(TimeSpan.FromHours(16) - Minute);
        await ScanAtAsync(Minute);
        await ScanAtAsync(TimeSpan.FromHours(1));

        Assert.Equal([(0, 0), (1, 0), (1, 0), (1, 1), (1, 1)], heard);
        Assert.Equal(["Good morning, Wang Fang"], await shop.MessagesAsync(shanghai));
        Assert.Equal(["Good morning, Mary Lee"], await shop.MessagesAsync(losAngeles));
    }

    [Fact]
    public async Task ATeamScheduleFiresAtTheShopsTimeForEveryone()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "thursday-team-morning",
              "trigger": { "type": "schedule", "cron": "0 9 * * THU", "timeZone": "team" },
              "actions": [ { "type": "messageCustomer", "text": { "en": "New teas today, {name}" } } ]
            }
            """);
        var (_, shanghai) = await shop.CustomerInChatAsync("Wang Fang", timeZone: "Asia/Shanghai");
        var (_, losAngeles) = await shop.CustomerInChatAsync("Mary Lee", timeZone: "America/Los_Angeles");

        // The shop's zone is Asia/Shanghai (Crm:DefaultTimeZone): Thursday 09:00 there is 01:00 UTC, Wednesday 17:00 in Los Angeles.
        shop.Clock.Advance(TimeSpan.FromHours(16) - Minute);
        await shop.ScanAsync();
        var aMinuteEarly = (await shop.MessagesAsync(shanghai)).Length + (await shop.MessagesAsync(losAngeles)).Length;
        shop.Clock.Advance(Minute);
        await shop.ScanAsync();
        await shop.ScanAsync();

        Assert.Equal(0, aMinuteEarly);
        Assert.Equal(["New teas today, Wang Fang"], await shop.MessagesAsync(shanghai));
        Assert.Equal(["New teas today, Mary Lee"], await shop.MessagesAsync(losAngeles));
    }

    [Fact]
    public async Task ALikelihoodCrossingItsThresholdFiresOnceAndStayingOnOneSideDoesNot()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "warming-up",
              "trigger": { "type": "likelihoodAbove", "threshold": 0.7 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "Up to {likelihood}" } } ]
            },
            {
              "name": "cooling-down",
              "trigger": { "type": "likelihoodBelow", "threshold": 0.7 },
              "actions": [ { "type": "messageCustomer", "text": { "en": "Down to {likelihood}" } } ]
            }
            """);
        var (customer, chat) = await shop.CustomerInChatAsync("Wang Fang");

        // One scoring run a day, each followed by two scans.
        foreach (var probability in new[] { 0.5, 0.8, 0.85, 0.9, 0.6, 0.65, 0.75 })
        {
            shop.Clock.Advance(TimeSpan.FromDays(1));
            await shop.ScoreAsync(customer, probability);
            await shop.ScanAsync();
            await shop.ScanAsync();
        }

        Assert.Equal(["Up to 80", "Down to 60", "Up to 75"], await shop.MessagesAsync(chat));
    }
}
