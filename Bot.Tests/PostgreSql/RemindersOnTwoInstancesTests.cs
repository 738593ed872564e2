using System.Security.Cryptography;
using CrmBot.Benchmarks;
using CrmBot.Domain;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Jobs;
using CrmBot.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.PostgreSql;

/// <summary>Two instances with their Hangfire servers on one PostgreSQL database: each due reminder reaches its rep once.</summary>
public sealed class RemindersOnTwoInstancesTests
{
    private const int Reminders = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemindersDueWhileTwoInstancesRunReachTheirRepsOnceEach()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync(Ct);
        var folders = new[] { Directory.CreateTempSubdirectory("crmbot-jobs-"), Directory.CreateTempSubdirectory("crmbot-jobs-") };
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var instances = new List<BotProcess>();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddCrmDomain()
            .Configure<DatabaseOptions>(o => (o.Provider, o.ConnectionString, o.SeedDemoData) = (DatabaseProvider.PostgreSql, database, false))
            .BuildServiceProvider();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Database:SeedDemoData"] = "false",
                ["DirectLine:Secret"] = secret,
                ["DirectLine:AllowRepTokens"] = "true",
                ["Jobs:Enabled"] = "true",
                ["Jobs:PollInterval"] = "00:00:01",
                // Quiet hours that start when they end are off: the reminders go out whatever the hour of the run.
                ["Proactive:QuietHoursStart"] = "00:00",
                ["Proactive:QuietHoursEnd"] = "00:00",
            };
            foreach (var folder in folders)
            {
                instances.Add(await TwoInstances.StartInstanceAsync(database, folder.FullName, settings));
            }

            var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            var backlog = new ReminderBacklog(contexts, TimeProvider.System);
            var reps = await backlog.AddRepsAsync(4, Ct);
            using (var site = new HttpClient { BaseAddress = instances[0].BaseAddress })
            {
                await ReminderBacklog.OpenChatsAsync(site, secret, reps, Ct);
            }

            await backlog.AddRemindersAsync(reps, Reminders, DateTimeOffset.UtcNow, Ct);

            // The minutely job, fired twice at once through the shared storage, as both instances' schedulers could.
            var storage = JobStorageFactory.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = database }, new JobsOptions());
            var jobs = new RecurringJobManager(storage);
            jobs.Trigger(JobSchedule.RepReminders);
            jobs.Trigger(JobSchedule.RepReminders);

            var deliveries = new ReminderDeliveries(contexts);
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while ((await deliveries.CountAsync(Ct)).Of(DeliveryStatus.Sent) < Reminders && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, Ct);
            }

            var counts = await deliveries.CountAsync(Ct);
            var messages = await deliveries.MessagesPerReminderAsync(Ct);
            Assert.Equal((Reminders, Reminders), (counts.Total, counts.Of(DeliveryStatus.Sent)));
            Assert.Equal(Reminders, messages.Count);
            Assert.All(messages.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            await PostgreSqlServer.DropDatabaseAsync(database);
            Array.ForEach(folders, folder => folder.Delete(recursive: true));
        }
    }
}
