using System.Text.Json.Nodes;
using CrmBot.Conversations;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Proactive;
using CrmBot.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Proactive;

/// <summary>A rep's reminder arrives in their chat at its time, once, and not at night.</summary>
public sealed class ReminderDeliveryTests : IAsyncLifetime
{
    private ProactiveShop _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReminderDelivery Delivery => _shop.Get<ReminderDelivery>();

    public async ValueTask InitializeAsync() => _shop = await ProactiveShop.OpenAsync();

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task ADueReminderArrivesInTheRepsChatOnce()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        await SetReminderAsync(rep, "Call Wang Fang about the tea order", TimeSpan.FromMinutes(30));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);

        var early = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(30));
        var due = await Delivery.DeliverDueAsync(Ct);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal(0, again);
        Assert.Equal("⏰ Reminder: Call Wang Fang about the tea order", Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark)));
    }

    [Fact]
    public async Task DoneOnTheDeliveredReminderClosesIt()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        var reminder = await SetReminderAsync(rep, "Call Wang Fang", TimeSpan.FromMinutes(1));
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Delivery.DeliverDueAsync(Ct);
        var chatNow = await _shop.Client.ReconnectAsync(chat, DirectLineApplication.Secret);
        var (delivered, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        var done = ProactiveShop.Button(delivered, "Done");
        await _shop.Client.PostAsync(chatNow, ProactiveShop.Press(chatNow, done));

        Assert.Equal("Marked as done: Call Wang Fang.", Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark)));
        Assert.Equal(ReminderStatus.Done, (await ReminderAsync(reminder.Id)).Status);
    }

    [Fact]
    public async Task SnoozeBringsTheReminderBackAnHourLater()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        await SetReminderAsync(rep, "Send the quote", TimeSpan.FromMinutes(1));
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Delivery.DeliverDueAsync(Ct);
        var chatNow = await _shop.Client.ReconnectAsync(chat, DirectLineApplication.Secret);
        var (delivered, watermark) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));

        await _shop.Client.PostAsync(chatNow, ProactiveShop.Press(chatNow, ProactiveShop.Button(delivered, "Snooze 1 hour")));
        var snoozedAnswer = Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
        var (_, afterSnooze) = await _shop.Client.ActivitiesAsync(ProactiveShop.Reading(chat));
        var tooEarly = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(ReminderButtons.SnoozeFor);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.StartsWith("Snoozed: Send the quote. I will remind you again at ", snoozedAnswer);
        Assert.Equal(0, tooEarly);
        Assert.Equal(1, again);
        Assert.Equal("⏰ Reminder: Send the quote", Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), afterSnooze)));
    }

    [Fact]
    public async Task AVisitorCannotPressARepsReminderButton()
    {
        var (rep, _) = await _shop.RepInChatAsync("Li Na", "UTC");
        var reminder = await SetReminderAsync(rep, "Confidential follow-up", TimeSpan.FromMinutes(1));
        var visitor = await _shop.Client.VisitorSessionAsync();
        var press = visitor.Message("Done");
        press["value"] = new JsonObject { ["reminderAction"] = "complete", ["reminder"] = reminder.Id.ToString() };

        await _shop.Client.PostAsync(visitor, press);

        Assert.Contains(await _shop.Client.BotTextsAsync(visitor), t => t.StartsWith("Sorry, that is something only our sales team can do.", StringComparison.Ordinal));
        Assert.Equal(ReminderStatus.Open, (await ReminderAsync(reminder.Id)).Status);
    }

    [Fact]
    public async Task TwoRunsAtOnceSendItOnce()
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        await SetReminderAsync(rep, "Send the quote", TimeSpan.FromMinutes(1));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));

        var runs = await Task.WhenAll(Task.Run(() => Delivery.DeliverDueAsync(Ct), Ct), Task.Run(() => Delivery.DeliverDueAsync(Ct), Ct));

        Assert.Equal(1, runs.Sum());
        Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
    }

    [Fact]
    public async Task AReminderDueAtNightWaitsForTheRepsMorning()
    {
        // 09:00 UTC is 01:00 in Los Angeles.
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "America/Los_Angeles");
        await SetReminderAsync(rep, "Follow up with Li Lei", TimeSpan.FromMinutes(1));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));

        var atNight = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromHours(7));
        var inTheMorning = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, atNight);
        Assert.Equal(1, inTheMorning);
        Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
    }

    [Fact]
    public async Task AnUnreachableChannelDoesNotStopTheRunAndIsRetriedAfterItsBackOff()
    {
        var (colleague, colleagueChat) = await _shop.RepInChatAsync("Li Na", "UTC");
        var rep = await _shop.App.AddRepAsync("Zhou Min");
        await _shop.Get<ConversationReferenceStore>().UpsertAsync(UnreachableTeamsChat(rep.Id), Ct);
        var reminder = await SetReminderAsync(rep, "Prepare the visit", TimeSpan.FromMinutes(1));
        await SetReminderAsync(colleague, "Send the quote", TimeSpan.FromMinutes(1));
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));

        var firstRun = await Delivery.DeliverDueAsync(Ct);
        var key = new DeliveryKey(DeliveryTopic.Reminder, reminder.Id, reminder.DueAt);
        var failed = await _shop.Get<DeliveryLedger>().FindAsync(key, Ct);
        // The rep opens the web chat meanwhile: that is now the latest place to reach them.
        var repChat = await _shop.Client.SessionForAsync($"rep:{rep.Id}", DirectLineApplication.Secret);
        await _shop.Client.SayAsync(repChat, "hi");
        var (_, watermark) = await _shop.Client.ActivitiesAsync(repChat);
        var beforeBackOff = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterBackOff = await Delivery.DeliverDueAsync(Ct);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal((1, 0, 1, 0), (firstRun, beforeBackOff, afterBackOff, again));
        Assert.Equal(DeliveryStatus.Retrying, failed!.Status);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal("⏰ Reminder: Prepare the visit", Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(repChat), watermark)));
        Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(colleagueChat)), t => t == "⏰ Reminder: Send the quote");
    }

    /// <summary>A rep in web chat whose reminder has just fallen due: their chat, its delivery key, and the chat's watermark before it.</summary>
    private async Task<(DirectLineClient.Session Chat, DeliveryKey Key, string Watermark)> DueReminderAsync(string text)
    {
        var (rep, chat) = await _shop.RepInChatAsync("Li Na", "UTC");
        var reminder = await SetReminderAsync(rep, text, TimeSpan.FromMinutes(1));
        var (_, watermark) = await _shop.Client.ActivitiesAsync(chat);
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));
        return (chat, new DeliveryKey(DeliveryTopic.Reminder, reminder.Id, reminder.DueAt), watermark);
    }

    /// <summary>A Teams chat whose service URL refuses connections (port 9, discard, on loopback).</summary>
    private ConversationReferenceRecord UnreachableTeamsChat(Guid repId)
    {
        const string serviceUrl = "http://127.0.0.1:9/";
        var reference = new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            User = new Microsoft.Bot.Schema.ChannelAccount("29:rep"),
            Bot = new Microsoft.Bot.Schema.ChannelAccount("28:bot"),
            Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "a:personal-chat"),
        };
        return new ConversationReferenceRecord
        {
            ChannelId = "msteams",
            UserId = "29:rep",
            ConversationId = "a:personal-chat",
            ServiceUrl = serviceUrl,
            RepId = repId,
            Json = Newtonsoft.Json.JsonConvert.SerializeObject(reference),
            UpdatedAt = _shop.App.Clock.GetUtcNow(),
        };
    }

    [Fact]
    public async Task OnAChannelThatCannotTellAClaimLeftByARunThatStoppedIsMarkedUncertainAndNotSentAgain()
    {
        var (chat, key, watermark) = await DueReminderAsync("Send the quote");
        var ledger = _shop.Get<DeliveryLedger>();
        // A run claimed it for a channel that sends and records apart (Teams) and the process died in between.
        await ledger.ClaimAsync(key, exact: false, Ct);

        var whileClaimed = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(DeliveryLedger.ClaimTimeout + TimeSpan.FromMinutes(1));
        var afterTheTimeout = await Delivery.DeliverDueAsync(Ct);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal((0, 0, 0), (whileClaimed, afterTheTimeout, again));
        Assert.Equal(DeliveryStatus.Uncertain, (await ledger.FindAsync(key, Ct))!.Status);
        Assert.Empty(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark));
    }

    [Fact]
    public async Task InWebChatAClaimLeftByARunThatStoppedIsSentBySomeoneElseOnce()
    {
        var (chat, key, watermark) = await DueReminderAsync("Send the quote");
        var ledger = _shop.Get<DeliveryLedger>();
        // A run claimed it for the web chat, where the message and its Sent mark are one transaction, and died first.
        var stopped = (await ledger.ClaimAsync(key, exact: true, Ct))!;

        var whileClaimed = await Delivery.DeliverDueAsync(Ct);
        _shop.App.Clock.Advance(DeliveryLedger.ExactClaimTimeout + TimeSpan.FromSeconds(1));
        var takenOver = await Delivery.DeliverDueAsync(Ct);
        var again = await Delivery.DeliverDueAsync(Ct);
        // Had the first run only been slow, its own write now finds the claim gone and writes nothing.
        var late = await Assert.ThrowsAsync<DeliveryClaimLostException>(() =>
            _shop.Get<CrmBot.DirectLine.DirectLineStore>().AppendAsync(chat.ConversationId, ["{\"type\":\"message\",\"text\":\"late copy\"}"], stopped, Ct));

        Assert.Equal((0, 1, 0), (whileClaimed, takenOver, again));
        Assert.Equal(DeliveryStatus.Sent, (await ledger.FindAsync(key, Ct))!.Status);
        Assert.Equal("⏰ Reminder: Send the quote", Assert.Single(await _shop.Client.BotTextsAsync(ProactiveShop.Reading(chat), watermark)));
        Assert.Contains(key.ToString(), late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepWithoutAChatIsRetriedLater()
    {
        var rep = await _shop.App.AddRepAsync("Zhou Min");
        var reminder = await SetReminderAsync(rep, "Prepare the visit", TimeSpan.FromMinutes(1));
        _shop.App.Clock.Advance(TimeSpan.FromMinutes(1));

        var sent = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, sent);
        var delivery = await _shop.Get<DeliveryLedger>().FindAsync(new DeliveryKey(DeliveryTopic.Reminder, reminder.Id, reminder.DueAt), Ct);
        Assert.Equal(DeliveryStatus.Retrying, delivery!.Status);
    }

    private async Task<Reminder> ReminderAsync(Guid id)
    {
        await using var scope = _shop.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmBot.Domain.Persistence.CrmDbContext>();
        return await db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    private async Task<Reminder> SetReminderAsync(SalesRep rep, string text, TimeSpan dueIn)
    {
        await using var scope = _shop.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SetAsync(rep.Id, text, _shop.App.Clock.GetUtcNow() + dueIn, ct: Ct);
    }
}
