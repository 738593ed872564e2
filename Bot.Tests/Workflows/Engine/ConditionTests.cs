using CrmBot.Domain.Customers;
using CrmBot.Domain.Workflows;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// Each condition is tested on the order and the customer as they are when the run falls due: a rule whose conditions
/// hold does its actions, one whose condition fails is skipped, and its log shows the value that failed it.
/// </summary>
public sealed class ConditionTests
{
    /// <summary>
    /// Rules on the payment of an order of 88.00 CNY by a customer in CN, tagged vip, of Li Na, likely to buy (0.8),
    /// who last ordered 10 days ago, was last called 8 days ago and agreed to messages; each reminds the rep of its name.
    /// </summary>
    private static readonly (string Name, string Condition, string? Actual)[] Holding =
    [
        ("total-at-least-88", """{ "field": "order.total", "atLeast": 88 }""", "88"),
        ("currency-cny", """{ "field": "order.currency", "equals": "cny" }""", "CNY"),
        ("country-cn", """{ "field": "customer.country", "in": ["CN", "HK"] }""", "CN"),
        ("tagged-vip", """{ "field": "customer.tags", "contains": "VIP" }""", "vip"),
        ("rep-li-na", """{ "field": "customer.rep", "equals": "li na" }""", "Li Na"),
        ("likely", """{ "field": "customer.likelihood", "atLeast": 0.7 }""", "0.8"),
        ("ordered-within-two-weeks", """{ "field": "customer.daysSinceLastOrder", "atMost": 14 }""", "10"),
        ("called-within-ten-days", """{ "field": "customer.daysSinceLastContact", "atMost": 10 }""", "8"),
        ("consented", """{ "field": "customer.consent", "equals": true }""", "true"),
    ];

    private static readonly (string Name, string Condition, string? Actual)[] Failing =
    [
        ("total-at-least-100", """{ "field": "order.total", "atLeast": 100 }""", "88"),
        ("currency-usd-or-eur", """{ "field": "order.currency", "in": ["USD", "EUR"] }""", "CNY"),
        ("country-not-cn", """{ "field": "customer.country", "notEquals": "CN" }""", "CN"),
        ("tagged-wholesale", """{ "field": "customer.tags", "contains": "wholesale" }""", "vip"),
        ("rep-zhou-min", """{ "field": "customer.rep", "equals": "Zhou Min" }""", "Li Na"),
        ("very-likely", """{ "field": "customer.likelihood", "atLeast": 0.9 }""", "0.8"),
        ("ordered-within-a-week", """{ "field": "customer.daysSinceLastOrder", "atMost": 7 }""", "10"),
        ("called-within-a-week", """{ "field": "customer.daysSinceLastContact", "atMost": 7 }""", "8"),
        ("not-consented", """{ "field": "customer.consent", "equals": false }""", "true"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RulesWhoseConditionsHoldActAndTheOthersAreSkippedWithTheValueThatFailedThem()
    {
        await using var shop = await WorkflowShop.OpenAsync(string.Join(",\n", Holding.Concat(Failing).Select(r => $$"""
            {
              "name": "{{r.Name}}",
              "trigger": { "type": "orderPaid" },
              "conditions": [ {{r.Condition}} ],
              "actions": [ { "type": "createReminder", "text": { "en": "{{r.Name}}" } } ]
            }
            """)));
        var (rep, _) = await shop.RepInChatAsync("Li Na");
        var (customer, _) = await shop.CustomerInChatAsync("Wang Fang", repId: rep.Id, address: new PostalAddress(null, "Hangzhou", null, null, "CN"));
        await shop.Shop.WithDbAsync(db =>
        {
            db.CustomerTags.Add(new CustomerTag(customer.Id, "VIP", shop.Clock.GetUtcNow()));
            return db.SaveChangesAsync(Ct);
        });
        await shop.ScoreAsync(customer, 0.8);
        var order = await shop.PlaceAsync(customer);
        shop.Clock.Advance(TimeSpan.FromDays(2));
        await shop.LogCallAsync(customer, rep);
        shop.Clock.Advance(TimeSpan.FromDays(8));

        await shop.PayAsync(order);
        await shop.ProcessEventsAsync();

        await using var db = await shop.Shop.DbAsync();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.RepId == rep.Id).Select(r => r.Text).ToListAsync(Ct);
        Assert.Equal(Holding.Select(r => r.Name).Order(), reminders.Order());
        foreach (var (name, condition, actual) in Holding)
        {
            var run = await shop.RunAsync(name);
            Assert.Equal(WorkflowRunStatus.Done, run.Status);
            Assert.Equal(new ConditionOutcome(Text(condition), actual, true), Assert.Single(WorkflowRunLog.Parse(run.Log).Conditions));
        }

        foreach (var (name, condition, actual) in Failing)
        {
            var run = await shop.RunAsync(name);
            var log = WorkflowRunLog.Parse(run.Log);
            Assert.Equal((WorkflowRunStatus.Skipped, RunSkipReason.Conditions), (run.Status, log.Skipped));
            Assert.Equal(new ConditionOutcome(Text(condition), actual, false), Assert.Single(log.Conditions));
            Assert.Empty(log.Actions);
        }
    }

    [Fact]
    public async Task ACustomerWithoutTheFactsAConditionAsksForDoesNotMeetIt()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "likely-new-customer",
              "trigger": { "type": "customerCreated" },
              "conditions": [ { "field": "customer.likelihood", "atLeast": 0.5 } ],
              "actions": [ { "type": "messageCustomer", "text": { "en": "Welcome, {name}" } } ]
            },
            {
              "name": "outside-china",
              "trigger": { "type": "customerCreated" },
              "conditions": [ { "field": "customer.country", "notEquals": "CN" } ],
              "actions": [ { "type": "messageCustomer", "text": { "en": "We ship worldwide, {name}" } } ]
            }
            """);
        var (_, chat) = await shop.CustomerInChatAsync("Wang Fang");

        await shop.ProcessEventsAsync();

        // Never scored and no address: only notEquals holds for a value that is not there.
        Assert.Equal(["We ship worldwide, Wang Fang"], await shop.MessagesAsync(chat));
        var skipped = await shop.RunAsync("likely-new-customer");
        Assert.Equal(WorkflowRunStatus.Skipped, skipped.Status);
        Assert.Equal(new ConditionOutcome("customer.likelihood atLeast 0.5", null, false), Assert.Single(WorkflowRunLog.Parse(skipped.Log).Conditions));
    }

    /// <summary>A condition as the run log writes it: field, operator, value.</summary>
    private static string Text(string condition)
    {
        using var json = System.Text.Json.JsonDocument.Parse(condition);
        var properties = json.RootElement.EnumerateObject().ToList();
        return $"{properties[0].Value.GetString()} {properties[1].Name} {properties[1].Value.GetRawText()}";
    }
}
