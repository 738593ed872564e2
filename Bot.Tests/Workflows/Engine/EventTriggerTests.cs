using CrmBot.Domain.Customers;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>
/// The rules that domain events trigger run when the event happens, once per event however often the job runs and
/// however many instances run it at once; so does the order-in-state scan.
/// </summary>
public class EventTriggerTests : IAsyncLifetime
{
    private const string Rules = """
        { "name": "placed", "trigger": { "type": "orderPlaced" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Placed: {orderNumber}" } } ] },
        { "name": "paid", "trigger": { "type": "orderPaid" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Paid: {orderNumber}" } } ] },
        { "name": "shipped", "trigger": { "type": "orderShipped" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Shipped: {orderNumber}" } } ] },
        { "name": "delivered", "trigger": { "type": "orderDelivered" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Delivered: {orderNumber}" } } ] },
        { "name": "cancelled", "trigger": { "type": "orderCancelled" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Cancelled: {orderNumber}" } } ] },
        { "name": "refunded", "trigger": { "type": "orderRefunded" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Refunded: {orderNumber}" } } ] },
        { "name": "welcome", "trigger": { "type": "customerCreated" }, "actions": [ { "type": "messageCustomer", "text": { "en": "Welcome, {name}" } } ] },
        {
          "name": "follow-up-call",
          "trigger": { "type": "interactionLogged" },
          "actions": [ { "type": "createReminder", "text": { "en": "Follow up with {name}" }, "dueIn": { "days": 2 } } ]
        },
        {
          "name": "unpaid",
          "trigger": { "type": "orderInState", "status": "Placed", "days": 1 },
          "actions": [ { "type": "messageCustomer", "text": { "en": "Still unpaid: {orderNumber}" } } ]
        }
        """;

    private WorkflowShop _shop = null!;

    /// <summary>The database these tests run on; the PostgreSQL suite runs them again there.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _shop = await WorkflowShop.OpenAsync(Rules, Provider);

    public async ValueTask DisposeAsync()
    {
        await _shop.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EachStepOfAnOrderMessagesTheCustomerOnceWhenItHappens()
    {
        var (customer, chat) = await WelcomedCustomerAsync("Wang Fang");
        var heard = new List<string[]>();
        async Task JobsRunTwiceAsync()
        {
            await _shop.ProcessEventsAsync();
            await _shop.ProcessEventsAsync();
            heard.Add(await _shop.MessagesAsync(chat));
        }

        var order = await _shop.PlaceAsync(customer);
        await JobsRunTwiceAsync();
        await _shop.PayAsync(order);
        await JobsRunTwiceAsync();
        await _shop.ShipAsync(order);
        await JobsRunTwiceAsync();
        await _shop.DeliverAsync(order);
        await JobsRunTwiceAsync();
        await _shop.RefundAsync(order, 20m);
        await JobsRunTwiceAsync();
        await _shop.RefundAsync(order, 68m);
        await JobsRunTwiceAsync();

        var n = order.Number;
        Assert.Equal(
            [
                [$"Placed: {n}"],
                [$"Placed: {n}", $"Paid: {n}"],
                [$"Placed: {n}", $"Paid: {n}", $"Shipped: {n}"],
                [$"Placed: {n}", $"Paid: {n}", $"Shipped: {n}", $"Delivered: {n}"],
                [$"Placed: {n}", $"Paid: {n}", $"Shipped: {n}", $"Delivered: {n}", $"Refunded: {n}"],
                [$"Placed: {n}", $"Paid: {n}", $"Shipped: {n}", $"Delivered: {n}", $"Refunded: {n}", $"Refunded: {n}"],
            ],
            heard);
    }

    [Fact]
    public async Task ACancelledOrderIsAnnouncedOnceAndNeverAsUnpaid()
    {
        var (customer, chat) = await WelcomedCustomerAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        _shop.Clock.Advance(TimeSpan.FromMinutes(1));
        await _shop.CancelAsync(order);

        await _shop.ProcessEventsAsync();
        await _shop.ProcessEventsAsync();
        _shop.Clock.Advance(TimeSpan.FromDays(1));
        await _shop.ScanAsync();

        Assert.Equal([$"Placed: {order.Number}", $"Cancelled: {order.Number}"], await _shop.MessagesAsync(chat));
        Assert.Empty(await _shop.RunsAsync("unpaid"));
    }

    [Fact]
    public async Task ANewCustomerIsWelcomedOnceByName()
    {
        var (_, chat) = await _shop.CustomerInChatAsync("Wang Fang");

        await _shop.ProcessEventsAsync();
        await _shop.ProcessEventsAsync();

        Assert.Equal(["Welcome, Wang Fang"], await _shop.MessagesAsync(chat));
    }

    [Fact]
    public async Task EachLoggedCallGivesTheRepOneFollowUpReminder()
    {
        var (rep, _) = await _shop.RepInChatAsync("Li Na");
        var (customer, _) = await _shop.CustomerInChatAsync("Wang Fang", repId: rep.Id);
        await _shop.ProcessEventsAsync();
        var beforeTheCall = await RemindersAsync(rep.Id);

        var firstCallAt = _shop.Clock.GetUtcNow();
        await _shop.LogCallAsync(customer, rep);
        await _shop.ProcessEventsAsync();
        await _shop.ProcessEventsAsync();
        _shop.Clock.Advance(TimeSpan.FromHours(1));
        await _shop.LogCallAsync(customer, rep);
        await _shop.ProcessEventsAsync();

        Assert.Empty(beforeTheCall);
        Assert.Equal(
            [("Follow up with Wang Fang", firstCallAt.AddDays(2)), ("Follow up with Wang Fang", firstCallAt.AddHours(1).AddDays(2))],
            await RemindersAsync(rep.Id));
    }

    [Fact]
    public async Task TwoEventJobsAtOnceStartOneRunPerEventAndSendEachMessageOnce()
    {
        var customers = new List<(Customer Customer, WorkflowShop.Chat Chat)>();
        for (var i = 1; i <= 3; i++)
        {
            customers.Add(await _shop.CustomerInChatAsync($"Customer {i}"));
        }

        // A minute later, so that each customer's welcome is due before the news of their order.
        _shop.Clock.Advance(TimeSpan.FromMinutes(1));
        var orders = new List<string>();
        foreach (var (customer, _) in customers)
        {
            orders.Add((await _shop.PlaceAsync(customer)).Number);
        }

        await Task.WhenAll(Task.Run(_shop.ProcessEventsAsync, Ct), Task.Run(_shop.ProcessEventsAsync, Ct));
        await _shop.ProcessEventsAsync();

        for (var i = 0; i < customers.Count; i++)
        {
            Assert.Equal([$"Welcome, Customer {i + 1}", $"Placed: {orders[i]}"], await _shop.MessagesAsync(customers[i].Chat));
        }

        Assert.Equal(3, (await _shop.RunsAsync("placed")).Count);
        Assert.Equal(3, (await _shop.RunsAsync("welcome")).Count);
        Assert.All([.. await _shop.RunsAsync("placed"), .. await _shop.RunsAsync("welcome")], r => Assert.Equal(WorkflowRunStatus.Done, r.Status));
    }

    [Fact]
    public async Task TwoScansAtOnceStartOneRunPerOrderAndSendOneNudge()
    {
        var (customer, chat) = await WelcomedCustomerAsync("Wang Fang");
        var order = await _shop.PlaceAsync(customer);
        await _shop.ProcessEventsAsync();
        var placedOnly = await _shop.MessagesAsync(chat);

        _shop.Clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Task.Run(_shop.ScanAsync, Ct), Task.Run(_shop.ScanAsync, Ct));
        await _shop.ScanAsync();

        Assert.Equal([$"Placed: {order.Number}"], placedOnly);
        Assert.Equal([$"Placed: {order.Number}", $"Still unpaid: {order.Number}"], await _shop.MessagesAsync(chat));
        Assert.Equal(WorkflowRunStatus.Done, (await _shop.RunAsync("unpaid")).Status);
    }

    /// <summary>A customer in the web chat who got the welcome; their chat from after it.</summary>
    private async Task<(Customer Customer, WorkflowShop.Chat Chat)> WelcomedCustomerAsync(string name)
    {
        var (customer, chat) = await _shop.CustomerInChatAsync(name);
        await _shop.ProcessEventsAsync();
        return (customer, await _shop.ChatFromNowAsync(chat.Session));
    }

    private async Task<List<(string Text, DateTimeOffset DueAt)>> RemindersAsync(Guid repId)
    {
        await using var db = await _shop.Shop.DbAsync();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.RepId == repId).ToListAsync(Ct);
        return [.. reminders.OrderBy(r => r.DueAt).Select(r => (r.Text, r.DueAt))];
    }
}
