using Hangfire;

namespace CrmBot.Proactive;

/// <summary>
/// Puts the proactive jobs on Hangfire's recurring schedule (on instances that run jobs); the schedule lives in the job
/// storage, so however many instances start, each job runs once per occurrence.
/// </summary>
public sealed class ProactiveSchedule(IRecurringJobManager recurring) : IHostedService
{
    public const string RepRemindersJob = "rep-reminders";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hangfire hands a CancellationToken parameter the server's shutdown token.
        recurring.AddOrUpdate<ReminderDelivery>(RepRemindersJob, delivery => delivery.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
