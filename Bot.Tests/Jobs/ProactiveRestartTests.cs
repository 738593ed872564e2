using CrmBot.Domain.Reminders;
using CrmBot.Jobs;
using CrmBot.Tests.DirectLine;
using CrmBot.Tests.Proactive;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>
/// The bot is stopped with messages still to send and started again on the same SQLite files (its database and
/// Hangfire's): every due message then goes out once, and what went out before the stop is not sent again.
/// </summary>
[Collection(HangfireHosts.Name)]
public sealed class ProactiveRestartTests : IDisposable
{
    private static readonly string[] Jobs =
        [JobSchedule.RepReminders, JobSchedule.WorkflowEvents, JobSchedule.WorkflowTriggers, JobSchedule.DailyDigest];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("crmbot-restart-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryDueMessageIsDeliveredOnceAcrossARestart()
    {
        DirectLineClient.Session repChat, customerChat;
        string unpaidOrder;
        string[] sentBeforeTheStop;
        await using (var before = await ProactiveShop.OpenAsync(new ShopWithJobs(_dataDirectory)))
        {
            var (rep, repSession) = await before.RepInChatAsync("Li Na", "UTC");
            var (customer, customerSession) = await before.CustomerInChatAsync("Wang Fang");
            (repChat, customerChat) = (repSession, customerSession);
            unpaidOrder = (await before.PlaceAsync(customer)).Number;
            var now = before.App.Clock.GetUtcNow();
            await SetReminderAsync(before, rep.Id, "Before the stop", now.AddMinutes(1));
            await SetReminderAsync(before, rep.Id, "After the stop", now.AddHours(2));
            before.App.Clock.Advance(TimeSpan.FromMinutes(1));

            await RunJobsAsync(before);
            sentBeforeTheStop = await before.Client.BotTextsAsync(ProactiveShop.Reading(repChat));
        }

        await using var after = new ProactiveShop(new ShopWithJobs(_dataDirectory));
        after.App.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobsAsync(after);
        await RunJobsAsync(after);

        Assert.Contains("⏰ Reminder: Before the stop", sentBeforeTheStop);
        Assert.Contains(sentBeforeTheStop, t => t.StartsWith("Good morning, Li Na.", StringComparison.Ordinal));
        var repTexts = await after.Client.BotTextsAsync(ProactiveShop.Reading(repChat));
        var customerTexts = await after.Client.BotTextsAsync(ProactiveShop.Reading(customerChat));
        Assert.Single(repTexts, t => t == "⏰ Reminder: Before the stop");
        Assert.Single(repTexts, t => t == "⏰ Reminder: After the stop");
        Assert.Equal(2, repTexts.Count(t => t.StartsWith("Good morning, Li Na.", StringComparison.Ordinal)));
        Assert.Single(customerTexts, t => t.Contains(unpaidOrder, StringComparison.Ordinal) && t.Contains("waiting for your payment", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task SetReminderAsync(ProactiveShop shop, Guid repId, string text, DateTimeOffset dueAt)
    {
        await using var scope = shop.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderService>().SetAsync(repId, text, dueAt, ct: Ct);
    }

    private static Task RunJobsAsync(ProactiveShop shop) => RecurringJobRuns.TriggerAndWaitAsync(shop.App.Services, Jobs);

    /// <summary>The web chat app with its Hangfire server on, on a data folder that outlives it.</summary>
    private sealed class ShopWithJobs(string dataDirectory) : DirectLineApplication
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:WorkerCount"] = "1",
            ["Jobs:PollInterval"] = "00:00:00.100",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:DataDirectory", dataDirectory);
        }
    }
}
