using CrmBot.Domain.Customers;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// A rule that would message more customers in one pass than Workflows:MaxMessagesPerRun (2 here) sends nothing: its
/// runs are held and every rep is told, once per rule; released, they go out once. Rules under the limit, and rules that message
/// nobody, are not held.
/// </summary>
public sealed class MassSendGuardTests : IAsyncLifetime
{
    // At the first scan (Wednesday 09:00 UTC), the shop's 10:00 of the day (02:00 UTC) is the latest occurrence.
    private const string Rules = """
        {
          "name": "autumn-teas",
          "trigger": { "type": "schedule", "cron": "0 10 * * *", "timeZone": "team" },
          "actions": [ { "type": "messageCustomer", "text": { "en": "Our autumn teas are in, {name}" } } ]
        },
        {
          "name": "tea-tasting",
          "trigger": { "type": "schedule", "cron": "0 10 * * *", "timeZone": "team" },
          "actions": [ { "type": "messageCustomer", "text": { "en": "Join our tea tasting, {name}" } } ]
        },
        {
          "name": "cn-teas",
          "trigger": { "type": "schedule", "cron": "0 10 * * *", "timeZone": "team" },
          "conditions": [ { "field": "customer.country", "equals": "CN" } ],
          "actions": [ { "type": "messageCustomer", "text": { "en": "Longjing is back, {name}" } } ]
        },
        {
          "name": "tag-everyone",
          "trigger": { "type": "schedule", "cron": "0 10 * * *", "timeZone": "team" },
          "actions": [ { "type": "tagCustomer", "tag": "autumn-2026" } ]
        }
        """;

    private static readonly PostalAddress China = new(null, "Hangzhou", null, null, "CN");

    private WorkflowShop _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _shop = await WorkflowShop.OpenAsync(Rules, maxMessagesPerRun: 2);

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task ARuleOverTheLimitSendsNothingAndEveryRepIsToldOnce()
    {
        var (_, liNa) = await _shop.RepInChatAsync("Li Na");
        var (_, zhouMin) = await _shop.RepInChatAsync("Zhou Min");
        var customers = await ThreeCustomersAsync();

        await _shop.ScanAsync();
        await _shop.ScanAsync();

        foreach (var workflow in new[] { "autumn-teas", "tea-tasting" })
        {
            var runs = await _shop.RunsAsync(workflow);
            Assert.Equal(3, runs.Count);
            Assert.All(runs, r => Assert.Equal(WorkflowRunStatus.Held, r.Status));
        }

        string[] told =
        [
            "Workflow autumn-teas would message 3 customers at once, more than the 2 allowed in one run, so nothing was sent. "
                + "Say \"release autumn-teas\" to send them or \"discard autumn-teas\" to drop them.",
            "Workflow tea-tasting would message 3 customers at once, more than the 2 allowed in one run, so nothing was sent. "
                + "Say \"release tea-tasting\" to send them or \"discard tea-tasting\" to drop them.",
        ];
        Assert.Equal(told, await _shop.TextsAsync(liNa));
        Assert.Equal(told, await _shop.TextsAsync(zhouMin));

        // The rule under the limit sent to its two customers; the one that only tags tagged all three.
        Assert.Equal(["Longjing is back, Wang Fang"], await _shop.MessagesAsync(customers[0].Chat));
        Assert.Equal(["Longjing is back, Li Lei"], await _shop.MessagesAsync(customers[1].Chat));
        Assert.Empty(await _shop.MessagesAsync(customers[2].Chat));
        foreach (var (customer, _) in customers)
        {
            Assert.Equal(["autumn-2026"], await _shop.TagsAsync(customer));
        }
    }

    [Fact]
    public async Task ReleasedRunsSendEachMessageOnce()
    {
        await _shop.RepInChatAsync("Li Na");
        var customers = await ThreeCustomersAsync();
        await _shop.ScanAsync();
        var whileHeld = new List<string>();
        foreach (var (_, chat) in customers)
        {
            whileHeld.AddRange(await _shop.MessagesAsync(chat));
        }

        // What "release autumn-teas" does.
        await using (var db = await _shop.Shop.DbAsync())
        {
            await db.WorkflowRuns.Where(r => r.Workflow == "autumn-teas" && r.Status == WorkflowRunStatus.Held)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, WorkflowRunStatus.Pending), Ct);
        }

        await _shop.ProcessEventsAsync();
        await _shop.ScanAsync();

        Assert.Equal(["Longjing is back, Wang Fang", "Longjing is back, Li Lei"], whileHeld);
        foreach (var (customer, chat) in customers)
        {
            Assert.Single(await _shop.MessagesAsync(chat), m => m == $"Our autumn teas are in, {customer.Name}");
        }

        Assert.All(await _shop.RunsAsync("autumn-teas"), r => Assert.Equal(WorkflowRunStatus.Done, r.Status));
    }

    private async Task<List<(Customer Customer, WorkflowShop.Chat Chat)>> ThreeCustomersAsync() =>
    [
        await _shop.CustomerInChatAsync("Wang Fang", address: China),
        await _shop.CustomerInChatAsync("Li Lei", address: China),
        await _shop.CustomerInChatAsync("Mary Lee"),
    ];
}
