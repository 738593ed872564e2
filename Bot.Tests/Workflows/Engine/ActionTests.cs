using CrmBot.Domain.Customers;
using CrmBot.Domain.Interactions;
using CrmBot.Proactive;
using CrmBot.Tests.DirectLine;
using CrmBot.Tests.Proactive;
using CrmBot.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Tests.Workflows.Engine;

/// <summary>What each action does for the people involved: reminders, reps assigned, tags, notices with buttons that work.</summary>
public sealed class ActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACreatedReminderIsTheRepsWithTheRuleTextDueAfterDueInAndArrivesThen()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "thank-for-payment",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "createReminder", "text": { "en": "Thank {name} for paying {total} for {orderNumber}" }, "dueIn": { "days": 1, "hours": 2 } } ]
            }
            """);
        var (rep, repChat) = await shop.RepInChatAsync("Li Na");
        var (customer, _) = await shop.CustomerInChatAsync("Wang Fang", repId: rep.Id);
        var order = await shop.PlaceAsync(customer);
        var paidAt = shop.Clock.GetUtcNow();
        await shop.PayAsync(order);

        await shop.ProcessEventsAsync();
        await shop.ProcessEventsAsync();
        shop.Clock.Advance(TimeSpan.FromHours(26));
        await shop.Shop.Get<ReminderDelivery>().DeliverDueAsync(Ct);

        await using var db = await shop.Shop.DbAsync();
        var reminder = await db.Reminders.AsNoTracking().SingleAsync(Ct);
        var text = $"Thank Wang Fang for paying 88.00 CNY for {order.Number}";
        Assert.Equal((rep.Id, customer.Id, order.Id, text, paidAt.AddHours(26)), (reminder.RepId, reminder.CustomerId, reminder.OrderId, reminder.Text, reminder.DueAt));
        Assert.Equal([$"⏰ Reminder: {text}"], await shop.TextsAsync(repChat));
    }

    [Fact]
    public async Task RoundRobinTakesTheRepsInTurn()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            { "name": "share-new-customers", "trigger": { "type": "customerCreated" }, "actions": [ { "type": "assignRep", "strategy": "roundRobin" } ] }
            """);
        await shop.RepInChatAsync("Li Na");
        await shop.RepInChatAsync("Zhou Min");

        var reps = new List<Guid?>();
        foreach (var name in new[] { "Wang Fang", "Li Lei", "Mary Lee", "Chen Jie", "Zhang Wei" })
        {
            var customer = await NewCustomerAsync(shop, name);
            await shop.ProcessEventsAsync();
            reps.Add(await shop.RepOfAsync(customer));
            shop.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(reps, r => Assert.NotNull(r));
        Assert.NotEqual(reps[0], reps[1]);
        Assert.Equal([reps[0], reps[1], reps[0], reps[1], reps[0]], reps);
    }

    [Fact]
    public async Task RoundRobinTakesTheRepsInTurnAlsoWhileTheRunsWelcomeWaitsForTheMorning()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "share-and-welcome",
              "trigger": { "type": "customerCreated" },
              "actions": [
                { "type": "assignRep", "strategy": "roundRobin" },
                { "type": "messageCustomer", "text": { "en": "Welcome, {name}: {repName} is here for you" } }
              ]
            }
            """);
        var (liNa, _) = await shop.RepInChatAsync("Li Na");
        var (zhouMin, _) = await shop.RepInChatAsync("Zhou Min");
        var names = new Dictionary<Guid, string> { [liNa.Id] = liNa.DisplayName, [zhouMin.Id] = zhouMin.DisplayName };

        // 22:00 UTC: night for these customers, so each run assigns a rep and then waits to say so.
        shop.Clock.Advance(TimeSpan.FromHours(13));
        var customers = new List<(Customer Customer, WorkflowShop.Chat Chat)>();
        foreach (var name in new[] { "Wang Fang", "Li Lei", "Mary Lee" })
        {
            customers.Add(await shop.CustomerInChatAsync(name));
            await shop.ProcessEventsAsync();
            shop.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        shop.Clock.Advance(TimeSpan.FromHours(10));
        await shop.ProcessEventsAsync();

        var reps = new List<Guid>();
        foreach (var (customer, chat) in customers)
        {
            var rep = (await shop.RepOfAsync(customer)).GetValueOrDefault();
            reps.Add(rep);
            Assert.Equal([$"Welcome, {customer.Name}: {names.GetValueOrDefault(rep)} is here for you"], await shop.MessagesAsync(chat));
        }

        Assert.NotEqual(reps[0], reps[1]);
        Assert.Equal(reps[0], reps[2]);
    }

    [Fact]
    public async Task TheRepAssignedByARunIsTheOneItsLaterActionsNotifyAndName()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "assign-and-introduce",
              "trigger": { "type": "customerCreated" },
              "actions": [
                { "type": "assignRep", "strategy": "leastLoaded" },
                { "type": "notifyRep", "text": { "en": "{name} is your new customer" } },
                { "type": "messageCustomer", "text": { "en": "Welcome, {name}: {repName} is here for you" } }
              ]
            }
            """);
        var (_, repChat) = await shop.RepInChatAsync("Li Na");
        var (_, chat) = await shop.CustomerInChatAsync("Wang Fang");

        await shop.ProcessEventsAsync();

        Assert.Equal(["Wang Fang is your new customer"], await shop.TextsAsync(repChat));
        Assert.Equal(["Welcome, Wang Fang: Li Na is here for you"], await shop.MessagesAsync(chat));
    }

    [Fact]
    public async Task LeastLoadedPicksTheRepWithTheFewestCustomers()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            { "name": "balance-new-customers", "trigger": { "type": "customerCreated" }, "actions": [ { "type": "assignRep", "strategy": "leastLoaded" } ] }
            """);
        var (busy, _) = await shop.RepInChatAsync("Li Na");
        var (free, _) = await shop.RepInChatAsync("Zhou Min");
        var (someWork, _) = await shop.RepInChatAsync("Chen Jie");
        foreach (var rep in new[] { busy, busy, busy, someWork })
        {
            await NewCustomerAsync(shop, "Existing customer", rep.Id);
        }

        await shop.ProcessEventsAsync();
        var first = await NewCustomerAsync(shop, "Wang Fang");
        await shop.ProcessEventsAsync();
        var second = await NewCustomerAsync(shop, "Li Lei");
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await NewCustomerAsync(shop, "Mary Lee");
        await shop.ProcessEventsAsync();

        Assert.Equal(free.Id, await shop.RepOfAsync(first));
        // Then Zhou Min and Chen Jie have one customer each, and the next two go one to each.
        Assert.Equal(new Guid?[] { free.Id, someWork.Id }.Order(), new[] { await shop.RepOfAsync(second), await shop.RepOfAsync(third) }.Order());
    }

    [Fact]
    public async Task TagAndUntagChangeTheCustomersTagsOnce()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "prospect-to-buyer",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "tagCustomer", "tag": "Buyer" }, { "type": "untagCustomer", "tag": "prospect" } ]
            }
            """);
        var (customer, _) = await shop.CustomerInChatAsync("Wang Fang");
        await shop.Shop.WithDbAsync(db =>
        {
            db.CustomerTags.Add(new CustomerTag(customer.Id, "prospect", shop.Clock.GetUtcNow()));
            return db.SaveChangesAsync(Ct);
        });
        var first = await shop.PlaceAsync(customer);
        var second = await shop.PlaceAsync(customer);

        await shop.PayAsync(first);
        await shop.ProcessEventsAsync();
        var afterFirst = await shop.TagsAsync(customer);
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        await shop.PayAsync(second);
        await shop.ProcessEventsAsync();

        Assert.Equal(["buyer"], afterFirst);
        Assert.Equal(["buyer"], await shop.TagsAsync(customer));
        var runs = await shop.RunsAsync("prospect-to-buyer");
        Assert.Equal(
            [[ActionResult.Done, ActionResult.Done], [ActionResult.Skipped, ActionResult.Skipped]],
            runs.Select(r => WorkflowRunLog.Parse(r.Log).Actions.OrderBy(a => a.Index).Select(a => a.Result).ToArray()));
    }

    [Fact]
    public async Task ANoticeReachesTheRepsChatOnceWithItsButtonsAndCallNowLogsTheCall()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "big-order-paid",
              "trigger": { "type": "orderPaid" },
              "actions": [ { "type": "notifyRep", "text": { "en": "{name} paid {total} for {orderNumber}" }, "buttons": ["callNow", "openCustomer", "openOrder", "snooze"] } ]
            }
            """);
        var (rep, repChat) = await shop.RepInChatAsync("Li Na");
        var (customer, _) = await shop.CustomerInChatAsync("Wang Fang", repId: rep.Id);
        var order = await shop.PlaceAsync(customer);
        await shop.PayAsync(order);

        await shop.ProcessEventsAsync();
        await shop.ProcessEventsAsync();
        var activities = await shop.ActivitiesAsync(repChat);
        var notice = Assert.Single(activities)!.AsObject();
        var chat = await shop.Shop.Client.ReconnectAsync(repChat.Session, DirectLineApplication.Secret);
        var beforePress = await shop.ChatFromNowAsync(chat);
        await shop.Shop.Client.PostAsync(chat, ProactiveShop.Press(chat, ProactiveShop.Button(activities, "Call now")));

        Assert.Equal($"Wang Fang paid 88.00 CNY for {order.Number}", (string?)notice["text"]);
        var buttons = notice["attachments"]![0]!["content"]!["buttons"]!.AsArray();
        Assert.Equal(["Call now", "Open customer", "Open order", "Remind me in an hour"], buttons.Select(b => (string?)b!["title"]));
        Assert.Equal(("find customer Wang Fang", $"track {order.Number}"), ((string?)buttons[1]!["value"], (string?)buttons[2]!["value"]));
        Assert.StartsWith("Logged a call with Wang Fang.", Assert.Single(await shop.TextsAsync(beforePress)));
        await using var db = await shop.Shop.DbAsync();
        var call = await db.Interactions.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((customer.Id, rep.Id, InteractionKind.Call), (call.CustomerId, call.RepId, call.Kind));
    }

    [Fact]
    public async Task SnoozeOnANoticeRemindsTheRepOfItInAnHour()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "new-customer-notice",
              "trigger": { "type": "customerCreated" },
              "actions": [ { "type": "notifyRep", "text": { "en": "New customer: {name}" }, "buttons": ["snooze"] } ]
            }
            """);
        var (rep, repChat) = await shop.RepInChatAsync("Li Na");
        await NewCustomerAsync(shop, "Wang Fang", rep.Id);
        await shop.ProcessEventsAsync();
        var notice = await shop.ActivitiesAsync(repChat);
        var chat = await shop.Shop.Client.ReconnectAsync(repChat.Session, DirectLineApplication.Secret);

        await shop.Shop.Client.PostAsync(chat, ProactiveShop.Press(chat, ProactiveShop.Button(notice, "Remind me in an hour")));

        await using var db = await shop.Shop.DbAsync();
        var reminder = await db.Reminders.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((rep.Id, "New customer: Wang Fang", shop.Clock.GetUtcNow().AddHours(1)), (reminder.RepId, reminder.Text, reminder.DueAt));
    }

    [Fact]
    public async Task ANoticeToAllRepsReachesEachRepsChatOnce()
    {
        await using var shop = await WorkflowShop.OpenAsync("""
            {
              "name": "announce-new-customer",
              "trigger": { "type": "customerCreated" },
              "actions": [ { "type": "notifyAllReps", "text": { "en": "New customer: {name}" } } ]
            }
            """);
        var (_, liNa) = await shop.RepInChatAsync("Li Na");
        var (_, zhouMin) = await shop.RepInChatAsync("Zhou Min");
        await NewCustomerAsync(shop, "Wang Fang");

        await shop.ProcessEventsAsync();
        await shop.ProcessEventsAsync();

        Assert.Equal(["New customer: Wang Fang"], await shop.TextsAsync(liNa));
        Assert.Equal(["New customer: Wang Fang"], await shop.TextsAsync(zhouMin));
        Assert.Equal("2", WorkflowRunLog.Parse((await shop.RunAsync("announce-new-customer")).Log).Of(0)?.Detail);
    }

    /// <summary>A customer who has not opened the chat (actions for reps need no chat with the customer).</summary>
    private static Task<Customer> NewCustomerAsync(WorkflowShop shop, string name, Guid? repId = null) =>
        shop.Shop.AddCustomerAsync(name, "UTC", "en", consent: true, repId: repId);
}
