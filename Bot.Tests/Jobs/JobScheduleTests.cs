using CrmBot.DirectLine;
using CrmBot.Domain.Insights;
using CrmBot.Jobs;
using CrmBot.Proactive;
using CrmBot.Workflows.Engine;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

[Collection(HangfireHosts.Name)]
public sealed class JobScheduleTests
{
    [Fact]
    public async Task EveryRecurringJobIsScheduledAndRuns()
    {
        await using var app = new JobsApplication();
        var storage = app.Services.GetRequiredService<JobStorage>();
        var expected = new Dictionary<string, (string Cron, string Type)>
        {
            [JobSchedule.RepReminders] = (Cron.Minutely(), nameof(ReminderDelivery)),
            [JobSchedule.WorkflowEvents] = (Cron.Minutely(), nameof(WorkflowJobs)),
            [JobSchedule.WorkflowTriggers] = ("*/15 * * * *", nameof(WorkflowJobs)),
            [JobSchedule.DailyDigest] = ("*/15 * * * *", nameof(DailyDigest)),
            [JobSchedule.ChannelHousekeeping] = (Cron.Hourly(), nameof(DirectLineHousekeeping)),
            [JobSchedule.PurchaseModel] = (Cron.Daily(2), nameof(PurchaseModelService)),
        };

        using var connection = storage.GetConnection();
        var scheduled = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => (j.Cron, j.Job.Type.Name));
        Assert.Equal(expected, scheduled);

        // Triggered now rather than waiting for their time: they run through the real job activator and succeed.
        await RecurringJobRuns.TriggerAndWaitAsync(app.Services, expected.Keys);
    }
}
