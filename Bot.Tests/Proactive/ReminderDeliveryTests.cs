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
    private readonly DirectLineApplication _app = new();
    private DirectLineClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReminderDelivery Delivery => _app.Services.GetRequiredService<ReminderDelivery>();

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateDirectLineClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADueReminderArrivesInTheRepsChatOnce()
    {
        var (rep, chat) = await RepInChatAsync("UTC");
        await SetReminderAsync(rep, "Call Wang Fang about the tea order", TimeSpan.FromMinutes(30));
        var (_, watermark) = await _client.ActivitiesAsync(chat);

        var early = await Delivery.DeliverDueAsync(Ct);
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        var due = await Delivery.DeliverDueAsync(Ct);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal(0, again);
        Assert.Equal("⏰ Reminder: Call Wang Fang about the tea order", Assert.Single(await _client.BotTextsAsync(Reading(chat), watermark)));
    }

    [Fact]
    public async Task DoneOnTheDeliveredReminderClosesIt()
    {
        var (rep, chat) = await RepInChatAsync("UTC");
        var reminder = await SetReminderAsync(rep, "Call Wang Fang", TimeSpan.FromMinutes(1));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Delivery.DeliverDueAsync(Ct);
        var chatNow = await FreshChatAsync(chat);
        var (delivered, watermark) = await _client.ActivitiesAsync(Reading(chat));

        var done = Button(delivered, "Done");
        await _client.PostAsync(chatNow, Press(chatNow, done));

        Assert.Equal("Marked as done: Call Wang Fang.", Assert.Single(await _client.BotTextsAsync(Reading(chat), watermark)));
        Assert.Equal(ReminderStatus.Done, (await ReminderAsync(reminder.Id)).Status);
    }

    [Fact]
    public async Task SnoozeBringsTheReminderBackAnHourLater()
    {
        var (rep, chat) = await RepInChatAsync("UTC");
        await SetReminderAsync(rep, "Send the quote", TimeSpan.FromMinutes(1));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Delivery.DeliverDueAsync(Ct);
        var chatNow = await FreshChatAsync(chat);
        var (delivered, watermark) = await _client.ActivitiesAsync(Reading(chat));

        await _client.PostAsync(chatNow, Press(chatNow, Button(delivered, "Snooze 1 hour")));
        var snoozedAnswer = Assert.Single(await _client.BotTextsAsync(Reading(chat), watermark));
        var (_, afterSnooze) = await _client.ActivitiesAsync(Reading(chat));
        var tooEarly = await Delivery.DeliverDueAsync(Ct);
        _app.Clock.Advance(ReminderButtons.SnoozeFor);
        var again = await Delivery.DeliverDueAsync(Ct);

        Assert.StartsWith("Snoozed: Send the quote. I will remind you again at ", snoozedAnswer);
        Assert.Equal(0, tooEarly);
        Assert.Equal(1, again);
        Assert.Equal("⏰ Reminder: Send the quote", Assert.Single(await _client.BotTextsAsync(Reading(chat), afterSnooze)));
    }

    [Fact]
    public async Task AVisitorCannotPressARepsReminderButton()
    {
        var (rep, _) = await RepInChatAsync("UTC");
        var reminder = await SetReminderAsync(rep, "Confidential follow-up", TimeSpan.FromMinutes(1));
        var visitor = await _client.VisitorSessionAsync();
        var press = visitor.Message("Done");
        press["value"] = new JsonObject { ["reminderAction"] = "complete", ["reminder"] = reminder.Id.ToString() };

        await _client.PostAsync(visitor, press);

        Assert.Contains(await _client.BotTextsAsync(visitor), t => t.StartsWith("Sorry, that is something only our sales team can do.", StringComparison.Ordinal));
        Assert.Equal(ReminderStatus.Open, (await ReminderAsync(reminder.Id)).Status);
    }

    [Fact]
    public async Task TwoRunsAtOnceSendItOnce()
    {
        var (rep, chat) = await RepInChatAsync("UTC");
        await SetReminderAsync(rep, "Send the quote", TimeSpan.FromMinutes(1));
        var (_, watermark) = await _client.ActivitiesAsync(chat);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        var runs = await Task.WhenAll(Task.Run(() => Delivery.DeliverDueAsync(Ct), Ct), Task.Run(() => Delivery.DeliverDueAsync(Ct), Ct));

        Assert.Equal(1, runs.Sum());
        Assert.Single(await _client.BotTextsAsync(Reading(chat), watermark));
    }

    [Fact]
    public async Task AReminderDueAtNightWaitsForTheRepsMorning()
    {
        // 09:00 UTC is 01:00 in Los Angeles.
        var (rep, chat) = await RepInChatAsync("America/Los_Angeles");
        await SetReminderAsync(rep, "Follow up with Li Lei", TimeSpan.FromMinutes(1));
        var (_, watermark) = await _client.ActivitiesAsync(chat);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        var atNight = await Delivery.DeliverDueAsync(Ct);
        _app.Clock.Advance(TimeSpan.FromHours(7));
        var inTheMorning = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, atNight);
        Assert.Equal(1, inTheMorning);
        Assert.Single(await _client.BotTextsAsync(Reading(chat), watermark));
    }

    [Fact]
    public async Task ARepWithoutAChatIsRetriedLater()
    {
        var rep = await _app.AddRepAsync("Zhou Min");
        var reminder = await SetReminderAsync(rep, "Prepare the visit", TimeSpan.FromMinutes(1));
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        var sent = await Delivery.DeliverDueAsync(Ct);

        Assert.Equal(0, sent);
        var delivery = await _app.Services.GetRequiredService<DeliveryLedger>().FindAsync($"reminder:{reminder.Id:N}:{reminder.DueAt.UtcTicks}", Ct);
        Assert.Equal(DeliveryStatus.Retrying, delivery!.Status);
    }

    /// <summary>A rep who has talked to the bot in web chat (a rep token the secret minted), so there is a chat to reach them in.</summary>
    private async Task<(SalesRep Rep, DirectLineClient.Session Chat)> RepInChatAsync(string timeZone)
    {
        var rep = await _app.AddRepAsync("Li Na", timeZone);
        var chat = await _client.SessionForAsync($"rep:{rep.Id}", DirectLineApplication.Secret);
        await _client.SayAsync(chat, "hi");
        return (rep, chat);
    }

    /// <summary>The rep's chat with a token refreshed by the site, as Web Chat keeps it while the clock moves on.</summary>
    private async Task<DirectLineClient.Session> FreshChatAsync(DirectLineClient.Session chat)
    {
        var reconnected = await (await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}", DirectLineApplication.Secret)).JsonAsync();
        return chat with { Token = (string)reconnected["token"]! };
    }

    private static JsonObject Button(JsonArray activities, string title) =>
        activities.Select(a => a!["attachments"] is JsonArray { Count: > 0 } cards ? cards[0]!["content"]?["buttons"]?.AsArray() : null)
            .Last(buttons => buttons is not null)!
            .Single(b => (string?)b!["title"] == title)!.AsObject();

    /// <summary>What Web Chat posts for a messageBack button: its text and its value.</summary>
    private static JsonObject Press(DirectLineClient.Session chat, JsonObject button)
    {
        var press = chat.Message((string)button["text"]!);
        press["value"] = button["value"]!.DeepClone();
        return press;
    }

    private async Task<Reminder> ReminderAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmBot.Domain.Persistence.CrmDbContext>();
        return await db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    /// <summary>The chat as the site's back end reads it with the secret: the visitor's token has expired by the time the clock got there.</summary>
    private static DirectLineClient.Session Reading(DirectLineClient.Session chat) => chat with { Token = DirectLineApplication.Secret };

    private async Task<Reminder> SetReminderAsync(SalesRep rep, string text, TimeSpan dueIn)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SetAsync(rep.Id, text, _app.Clock.GetUtcNow() + dueIn, ct: Ct);
    }
}
