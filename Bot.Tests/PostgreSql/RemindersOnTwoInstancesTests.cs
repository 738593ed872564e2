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

/// <summary>
/// Two instances with their Hangfire servers on one PostgreSQL database, reps in web chats with them: each due reminder
/// reaches its rep once, also when one instance is killed while it delivers.
/// </summary>
public sealed class RemindersOnTwoInstancesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemindersDueWhileTwoInstancesRunReachTheirRepsOnceEach()
    {
        await using var run = await RemindersRun.StartAsync(40, Ct);

        // The minutely job, fired twice at once through the shared storage, as both instances' schedulers could.
        run.TriggerJob();
        run.TriggerJob();
        var counts = await run.WaitAsync(counts => counts.Of(DeliveryStatus.Sent) == run.Reminders, Ct);

        Assert.Equal((run.Reminders, run.Reminders), (counts.Total, counts.Of(DeliveryStatus.Sent)));
        await run.AssertOneMessagePerReminderAsync(Ct);
    }

    [Fact]
    public async Task KillingAnInstanceWhileBothDeliverLosesNoReminderAndSendsNoneTwice()
    {
        await using var run = await RemindersRun.StartAsync(1500, Ct);
        run.TriggerJob();
        run.TriggerJob();

        // Both instances are working through the reminders when one of them dies. Their own minutely schedule may add a
        // run of the job to the two triggered here, so two or more are processing.
        var before = await run.WaitAsync(counts => counts.Of(DeliveryStatus.Sent) >= run.Reminders / 5 && run.JobsProcessing >= 2, Ct);
        Assert.True(run.JobsProcessing >= 2, $"{run.JobsProcessing} runs of the job processing ({before}).");
        await run.Instances[0].KillAsync();
        var atKill = await run.CountAsync(Ct);

        // The survivor's minutely job (compressed to a few seconds here) takes over what is left, including a web chat
        // claim the dead instance left open (free again after a few seconds: its message was never recorded).
        var end = await run.WaitAsync(counts => counts.Of(DeliveryStatus.Sent) == run.Reminders, Ct, retrigger: TimeSpan.FromSeconds(3));

        Assert.True(atKill.Of(DeliveryStatus.Sent) < run.Reminders, $"The instances had delivered everything before the kill ({before}).");
        Assert.Equal((run.Reminders, run.Reminders), (end.Total, end.Of(DeliveryStatus.Sent)));
        await run.AssertOneMessagePerReminderAsync(Ct);
    }

    /// <summary>A new database, two instances with their jobs on, four reps in web chats and their reminders, all due now.</summary>
    private sealed class RemindersRun : IAsyncDisposable
    {
        private readonly string _database;
        private readonly DirectoryInfo[] _folders = [Directory.CreateTempSubdirectory("crmbot-jobs-"), Directory.CreateTempSubdirectory("crmbot-jobs-")];
        private readonly ServiceProvider _services;
        private readonly JobStorage _storage;

        private RemindersRun(string database, int reminders)
        {
            _database = database;
            Reminders = reminders;
            _services = new ServiceCollection()
                .AddLogging()
                .AddCrmDomain()
                .Configure<DatabaseOptions>(o => (o.Provider, o.ConnectionString, o.SeedDemoData) = (DatabaseProvider.PostgreSql, database, false))
                .BuildServiceProvider();
            Deliveries = new ReminderDeliveries(_services.GetRequiredService<IDbContextFactory<CrmDbContext>>());
            _storage = JobStorageFactory.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = database }, new JobsOptions());
        }

        public int Reminders { get; }

        public List<BotProcess> Instances { get; } = [];

        public ReminderDeliveries Deliveries { get; }

        /// <summary>How many jobs the Hangfire servers are running now.</summary>
        public long JobsProcessing => _storage.GetMonitoringApi().ProcessingCount();

        public static async Task<RemindersRun> StartAsync(int reminders, CancellationToken ct)
        {
            var run = new RemindersRun(await PostgreSqlServer.CreateDatabaseAsync(ct), reminders);
            try
            {
                var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                foreach (var folder in run._folders)
                {
                    var settings = ReminderRun.ServerSettings(folder.FullName, secret, jobsPollInterval: TimeSpan.FromSeconds(1));
                    run.Instances.Add(await TwoInstances.StartInstanceAsync(run._database, folder.FullName, settings));
                }

                var backlog = new ReminderBacklog(run._services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), TimeProvider.System);
                var reps = await backlog.AddRepsAsync(4, ct);
                using (var site = new HttpClient { BaseAddress = run.Instances[0].BaseAddress })
                {
                    await ReminderBacklog.OpenChatsAsync(site, secret, reps, ct);
                }

                await backlog.AddRemindersAsync(reps, reminders, DateTimeOffset.UtcNow, ct);
                return run;
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
        }

        /// <summary>"Trigger now" on the reminders job: whichever server's worker fetches it first runs it.</summary>
        public void TriggerJob() => new RecurringJobManager(_storage).Trigger(JobSchedule.RepReminders);

        public Task<DeliveryCounts> CountAsync(CancellationToken ct) => Deliveries.CountAsync(ct);

        /// <summary>Polls the ledger until <paramref name="done"/> or the deadline, triggering the job again every <paramref name="retrigger"/>.</summary>
        public async Task<DeliveryCounts> WaitAsync(Func<DeliveryCounts, bool> done, CancellationToken ct, TimeSpan? retrigger = null)
        {
            var deadline = DateTime.UtcNow + Deadline;
            var nextTrigger = DateTime.UtcNow + (retrigger ?? Deadline);
            while (true)
            {
                var counts = await Deliveries.CountAsync(ct);
                if (done(counts) || DateTime.UtcNow > deadline)
                {
                    return counts;
                }

                if (DateTime.UtcNow >= nextTrigger)
                {
                    TriggerJob();
                    nextTrigger = DateTime.UtcNow + retrigger!.Value;
                }

                await Task.Delay(100, ct);
            }
        }

        /// <summary>Every reminder's card is in its rep's chat exactly once.</summary>
        public async Task AssertOneMessagePerReminderAsync(CancellationToken ct)
        {
            var messages = await Deliveries.MessagesPerReminderAsync(ct);
            Assert.Equal(Reminders, messages.Count);
            Assert.All(messages.Values, count => Assert.Equal(1, count));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var instance in Instances)
            {
                await instance.DisposeAsync();
            }

            (_storage as IDisposable)?.Dispose();
            await _services.DisposeAsync();
            await PostgreSqlServer.DropDatabaseAsync(_database);
            Array.ForEach(_folders, folder => folder.Delete(recursive: true));
        }
    }
}
