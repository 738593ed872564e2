using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmBot.Domain.Proactive;
using CrmBot.Domain.Reminders;
using CrmBot.Domain.SalesReps;
using CrmBot.Proactive;
using CrmBot.Tests.DirectLine;
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
        var generated = await (await _client.SendAsync(
            HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineApplication.Secret,
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = $"rep:{rep.Id}" } }))).JsonAsync();
        var chat = new DirectLineClient.Session((string)generated["token"]!, (string)generated["conversationId"]!, $"rep:{rep.Id}");
        await _client.SayAsync(chat, "hi");
        return (rep, chat);
    }

    /// <summary>The chat as the site's back end reads it with the secret: the visitor's token has expired by the time the clock got there.</summary>
    private static DirectLineClient.Session Reading(DirectLineClient.Session chat) => chat with { Token = DirectLineApplication.Secret };

    private async Task<Reminder> SetReminderAsync(SalesRep rep, string text, TimeSpan dueIn)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SetAsync(rep.Id, text, _app.Clock.GetUtcNow() + dueIn, ct: Ct);
    }
}
