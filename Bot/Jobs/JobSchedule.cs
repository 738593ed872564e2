using CrmBot.DirectLine;
using CrmBot.Domain.Insights;
using CrmBot.Proactive;
using CrmBot.Workflows.Engine;
using Hangfire;

namespace CrmBot.Jobs;

/// <summary>
/// Every recurring job of the bot, put on Hangfire's schedule on instances that run jobs. The schedule lives in the
/// job storage, so however many instances start, each job runs once per occurrence. On start the minutely message
/// jobs also run at once (a restart catches up without waiting for the minute), a first start with no purchase
/// model saved yet trains one straight away (and scores every customer with it), and a start with a model but no
/// stored scores scores every customer.
/// </summary>
public sealed class JobSchedule(
    IRecurringJobManager recurring, IBackgroundJobClient jobs, PurchaseModelService purchaseModel, CustomerScoring scoring) : IHostedService
{
    public const string RepReminders = "rep-reminders";
    public const string WorkflowEvents = "workflow-events";
    public const string WorkflowTriggers = "workflow-triggers";
    public const string DailyDigest = "daily-digest";
    public const string ChannelHousekeeping = "channel-housekeeping";
    public const string PurchaseModel = "purchase-model";

    private static readonly string[] RetiredJobs = ["shipment-notices", "unpaid-order-nudges"];

    private const string EveryQuarterHour = "*/15 * * * *";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Retired in favour of the shipped default workflows; an older version may have scheduled them.
        foreach (var retired in RetiredJobs)
        {
            recurring.RemoveIfExists(retired);
        }

        // Hangfire hands a CancellationToken parameter the server's shutdown token.
        recurring.AddOrUpdate<ReminderDelivery>(RepReminders, job => job.DeliverDueAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<WorkflowJobs>(WorkflowEvents, job => job.ProcessEventsAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<WorkflowJobs>(WorkflowTriggers, job => job.ScanAsync(CancellationToken.None), EveryQuarterHour);
        recurring.AddOrUpdate<DailyDigest>(DailyDigest, job => job.DeliverDueAsync(CancellationToken.None), EveryQuarterHour);
        recurring.AddOrUpdate<DirectLineHousekeeping>(ChannelHousekeeping, job => job.CleanAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<PurchaseModelService>(PurchaseModel, job => job.RetrainAsync(CancellationToken.None), Cron.Daily(2));
        // Messages that fell due while no instance ran go out now rather than at the next minute's run.
        recurring.Trigger(RepReminders);
        recurring.Trigger(WorkflowEvents);
        recurring.Trigger(WorkflowTriggers);
        if (purchaseModel.Store.LatestVersion() is null)
        {
            recurring.Trigger(PurchaseModel);
        }
        else if (!await scoring.AnyStoredAsync(cancellationToken))
        {
            jobs.Enqueue<PurchaseModelService>(job => job.RescoreAsync(CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
