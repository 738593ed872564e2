using System.Diagnostics;
using System.Security.Cryptography;
using CrmBot.Domain.Persistence;
using CrmBot.Domain.Proactive;
using CrmBot.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBot.Benchmarks;

/// <summary>
/// One run of the reminders scenario in a fresh data folder: CrmBot in a child process with its jobs on, reps in web
/// chats, their reminders all due at one minute; then the wait until the ledger has settled every one, optionally
/// killing the server once a third are sent and starting it again on the same data.
/// </summary>
internal sealed class ReminderRun(ReminderRunSettings settings, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    // The reminders are added this long before their minute at least, so that the job of that minute finds them all.
    private static readonly TimeSpan LeadTime = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public async Task<ReminderRunOutcome> RunAsync(bool killMidway, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("crmbot-bench-");
        try
        {
            await using var services = DomainDatabase.Services(folder.FullName);
            var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            var deliveries = new ReminderDeliveries(contexts);
            var server = await BotProcess.StartAsync(ServerSettings(folder.FullName, _secret, settings.JobsPollInterval), ct);
            try
            {
                var dueAt = await PrepareAsync(server, contexts, folder.FullName, ct);
                var (processorTime, peak) = (TimeSpan.Zero, 0L);
                var usedBefore = server.Usage().ProcessorTime;
                ReminderKill? kill = null;
                if (killMidway)
                {
                    await WaitAsync(deliveries, counts => counts.Of(DeliveryStatus.Sent) >= (settings.Reminders + 2) / 3, ct);
                    (processorTime, peak) = (server.Usage().ProcessorTime - usedBefore, server.Usage().PeakWorkingSetBytes);
                    usedBefore = TimeSpan.Zero;
                    await output.WriteLineAsync("Killing the server...");
                    await StopAsync(server);
                    var orphans = (await deliveries.ListAsync(ct)).Where(d => d.Status == DeliveryStatus.Sending).Select(d => d.SubjectId).ToList();
                    var sentBeforeKill = (await deliveries.CountAsync(ct)).Of(DeliveryStatus.Sent);
                    kill = new ReminderKill(sentBeforeKill, orphans, _clock.GetUtcNow());
                    await output.WriteLineAsync($"Killed after {sentBeforeKill:N0} sent, {orphans.Count} claimed and not recorded as sent; starting it again on the same data...");
                    server = await BotProcess.StartAsync(ServerSettings(folder.FullName, _secret, settings.JobsPollInterval), ct);
                    if (settings.Trigger)
                    {
                        TriggerRemindersJob(folder.FullName);
                    }
                }

                var orphaned = kill?.OrphanedClaims.Count ?? 0;
                var end = await WaitAsync(deliveries, counts => counts.Total == settings.Reminders && counts.Open <= orphaned, ct);
                var settled = end.Total == settings.Reminders && end.Open <= orphaned;
                var usage = server.Usage();
                processorTime += usage.ProcessorTime - usedBefore;
                peak = Math.Max(peak, usage.PeakWorkingSetBytes);
                await StopAsync(server);
                return new ReminderRunOutcome(
                    settings.Reminders, dueAt, settled, await deliveries.ListAsync(ct), await deliveries.MessagesPerReminderAsync(ct), processorTime, peak, kill);
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Adds the reps, their chats and their reminders; returns when the reminders are due.</summary>
    private async Task<DateTimeOffset> PrepareAsync(BotProcess server, IDbContextFactory<CrmDbContext> contexts, string folder, CancellationToken ct)
    {
        var backlog = new ReminderBacklog(contexts, _clock);
        await output.WriteLineAsync($"Adding {settings.Reps:N0} reps, each in a web chat with the bot at {server.BaseAddress}...");
        var reps = await backlog.AddRepsAsync(settings.Reps, ct);
        using (var client = LoopbackClient.Create(server.BaseAddress, 1))
        {
            await ReminderBacklog.OpenChatsAsync(client, _secret, reps, ct);
        }

        var now = _clock.GetUtcNow();
        var dueAt = settings.Trigger ? now : NextMinute(now + LeadTime);
        await backlog.AddRemindersAsync(reps, settings.Reminders, dueAt, ct);
        if (settings.Trigger)
        {
            TriggerRemindersJob(folder);
            await output.WriteLineAsync($"Added {settings.Reminders:N0} reminders due now, and triggered the '{JobSchedule.RepReminders}' job.");
        }
        else
        {
            await output.WriteLineAsync($"Added {settings.Reminders:N0} reminders due at {dueAt:HH:mm:ss} UTC, for the minutely '{JobSchedule.RepReminders}' job.");
        }

        return dueAt;
    }

    /// <summary>Polls the ledger until <paramref name="done"/> or the timeout; returns the last counts.</summary>
    private async Task<DeliveryCounts> WaitAsync(ReminderDeliveries deliveries, Func<DeliveryCounts, bool> done, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var reported = started;
        while (true)
        {
            var counts = await deliveries.CountAsync(ct);
            if (done(counts) || Stopwatch.GetElapsedTime(started) > settings.Timeout)
            {
                return counts;
            }

            if (Stopwatch.GetElapsedTime(reported) >= ProgressInterval)
            {
                reported = Stopwatch.GetTimestamp();
                await output.WriteLineAsync($"  {_clock.GetUtcNow():HH:mm:ss} {(counts.Total == 0 ? "nothing claimed yet" : counts)}");
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>Kills the server and shows what it logged (warnings and errors only).</summary>
    private async Task StopAsync(BotProcess server)
    {
        await server.KillAsync();
        foreach (var line in server.Output)
        {
            await output.WriteLineAsync($"  server: {line}");
        }
    }

    /// <summary>
    /// A server on the SQLite files of <paramref name="folder"/> that delivers reminders: its jobs on, reps' web chats
    /// opened with <paramref name="secret"/>, quiet hours off; <paramref name="jobsPollInterval"/> null leaves the app's own.
    /// </summary>
    internal static Dictionary<string, string> ServerSettings(string folder, string secret, TimeSpan? jobsPollInterval)
    {
        var serverSettings = new Dictionary<string, string>
        {
            ["Database:DataDirectory"] = folder,
            ["Database:SeedDemoData"] = "false",
            ["DirectLine:Secret"] = secret,
            ["DirectLine:AllowRepTokens"] = "true",
            ["Jobs:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["MicrosoftAppId"] = "",
            // Quiet hours that start when they end are off: the reminders go out whatever the hour of the run.
            ["Proactive:QuietHoursStart"] = "00:00",
            ["Proactive:QuietHoursEnd"] = "00:00",
        };
        if (jobsPollInterval is { } poll)
        {
            serverSettings["Jobs:PollInterval"] = poll.ToString("c");
        }

        return serverSettings;
    }

    /// <summary>What "Trigger now" in the jobs dashboard does: runs the recurring job at once, through the server's job storage.</summary>
    internal static void TriggerRemindersJob(string folder)
    {
        // Hangfire logs through a process-wide provider, which an app hosted earlier in this process (and disposed
        // since) may have left pointing at its logger factory: back to Hangfire's own default.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var storage = JobStorageFactory.Create(new DatabaseOptions { DataDirectory = folder }, new JobsOptions());
        using var disposable = storage as IDisposable;
        new RecurringJobManager(storage).Trigger(JobSchedule.RepReminders);
    }

    private static DateTimeOffset NextMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
