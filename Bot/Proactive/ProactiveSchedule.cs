using Hangfire;

namespace CrmBot.Proactive;

/// <summary>
/// Puts the proactive jobs on Hangfire's recurring schedule (on instances that run jobs); the schedule lives in the job
/// storage, so however many instances start, each job runs once per occurrence.
/// </summary>
public sealed class ProactiveSchedule(IRecurringJobManager recurring) : IHostedService
{
    public const string RepRemindersJob = "rep-reminders";
    public const string UnpaidOrderNudgesJob = "unpaid-order-nudges";
    public const string ShipmentNoticesJob = "shipment-notices";
    public const string DailyDigestJob = "daily-digest";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hangfire hands a CancellationToken parameter the server's shutdown token.
        recurring.AddOrUpdate<ReminderDelivery>(RepRemindersJob, delivery => delivery.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<ShipmentNotices>(ShipmentNoticesJob, notices => notices.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<UnpaidOrderNudges>(UnpaidOrderNudgesJob, nudges => nudges.DeliverDueAsync(CancellationToken.None), "*/15 * * * *");
        recurring.AddOrUpdate<DailyDigest>(DailyDigestJob, digest => digest.DeliverDueAsync(CancellationToken.None), "*/15 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
