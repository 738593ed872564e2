using CrmBot.Domain.Common;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Proactive;

namespace CrmBot.Tests.Proactive;

/// <summary>A rep's morning message: once a day at their local digest time, with what their day holds.</summary>
public sealed class DailyDigestTests : IAsyncLifetime
{
    private ProactiveShop _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DailyDigest Digest => _shop.Get<DailyDigest>();

    public async ValueTask InitializeAsync() => _shop = await ProactiveShop.OpenAsync();

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task TheDigestComesOnceADayAtTheRepsLocalTime()
    {
        // 09:00 UTC is 01:00 in Los Angeles; the digest is due at 08:30 there, 16:30 UTC.
        var (_, chat) = await _shop.RepInChatAsync("Li Na", "America/Los_Angeles");
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);

        var atNight = await Digest.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(7.25));
        var justBefore = await Digest.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(15));
        var due = await Digest.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(3));
        var laterThatDay = await Digest.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(21));
        var nextMorning = await Digest.DeliverDueAsync(Ct);

        Assert.Equal((0, 0, 1, 0, 1), (atNight, justBefore, due, laterThatDay, nextMorning));
        var digests = await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark);
        Assert.Equal(2, digests.Length);
        Assert.StartsWith("Good morning, Li Na. Your day, Wednesday, 25 November 2026:", digests[0]);
        Assert.StartsWith("Good morning, Li Na. Your day, Thursday, 26 November 2026:", digests[1]);
    }

    [Fact]
    public async Task TheDigestListsTheDaysRemindersAndOrdersToShip()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        var customer = await _shop.AddCustomerAsync("Wang Fang", "UTC", "en", consent: false, "+86 138 0013 8000", rep.Id);
        var order = await _shop.PlaceAsync(customer);
        await _shop.OrdersAsync(orders => orders.PayAsync(order.Number, order.Total, "alipay", null, Actor.System, ct: Ct));
        var now = _shop.App.Clock.GetUtcNow();
        await AddReminderAsync(rep, "Send the quote to Wang Fang", now.AddHours(-3));
        await AddReminderAsync(rep, "Call the supplier", now.AddHours(5));
        await AddReminderAsync(rep, "Plan next week", now.AddDays(2));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);

        await Digest.DeliverDueAsync(Ct);

        var digest = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.Contains("Reminders due today:\n• overdue since 11/25/2026 06:00: Send the quote to Wang Fang\n• 11/25/2026 14:00 Call the supplier", digest);
        Assert.DoesNotContain("Plan next week", digest);
        Assert.Contains($"Paid orders waiting to be shipped (1):\n• {order.Number} for Wang Fang, 88.00 CNY, waiting since 11/25/2026 09:00", digest);
        Assert.EndsWith("\n\nNo call plan yet: the purchase model is still being trained.", digest);
        Assert.DoesNotContain("could not be delivered", digest);
    }

    [Fact]
    public async Task MessagesThatDidNotReachCustomersAreShownToReps()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        var customer = await _shop.AddCustomerAsync("Wang Fang", "UTC", "en", consent: false, repId: rep.Id);
        var order = await _shop.PlaceAsync(customer);
        var ledger = _shop.Get<DeliveryLedger>();
        // A run that stopped between sending the nudge and recording it: it may have gone out.
        await ledger.ClaimAsync(new DeliveryKey(DeliveryTopic.UnpaidOrder, order.Id, order.PlacedAt!.Value), exact: false, Ct);
        _shop.App.Clock.Advance(DeliveryLedger.ClaimTimeout + TimeSpan.FromMinutes(1));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        await Digest.DeliverDueAsync(Ct);

        var digest = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        Assert.Contains(
            $"Messages that could not be delivered since yesterday (please follow up yourself):\n• Payment reminder for order {order.Number} (Wang Fang), 11/25/2026 09:00: the bot stopped while sending it, so it may or may not have arrived",
            digest);
    }

    [Fact]
    public async Task ARepWhoNeverTalkedToTheBotGetsNoDigestAndNoFailure()
    {
        var rep = await _shop.App.AddRepAsync("Zhou Min");

        var sent = await Digest.DeliverDueAsync(Ct);

        Assert.Equal(0, sent);
        var ledger = _shop.Get<DeliveryLedger>();
        Assert.Null(await ledger.FindAsync(new DeliveryKey(DeliveryTopic.DailyDigest, rep.Id, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)), Ct));
    }

    private Task AddReminderAsync(SalesRep rep, string text, DateTimeOffset dueAt) =>
        _shop.WithDbAsync(db =>
        {
            db.Reminders.Add(new Reminder(rep.Id, text, dueAt, _shop.App.Clock.GetUtcNow().AddDays(-1)));
            return db.SaveChangesAsync(Ct);
        });
}
