using CrmBot.Proactive;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

[Collection(HangfireHosts.Name)]
public sealed class ProactiveScheduleTests
{
    [Fact]
    public async Task EveryProactiveJobIsScheduledAndRuns()
    {
        await using var app = new JobsApplication();
        var storage = app.Services.GetRequiredService<JobStorage>();
        var expected = new Dictionary<string, (string Cron, string Type)>
        {
            [ProactiveSchedule.RepRemindersJob] = (Cron.Minutely(), nameof(ReminderDelivery)),
            [ProactiveSchedule.ShipmentNoticesJob] = (Cron.Minutely(), nameof(ShipmentNotices)),
            [ProactiveSchedule.UnpaidOrderNudgesJob] = ("*/15 * * * *", nameof(UnpaidOrderNudges)),
            [ProactiveSchedule.DailyDigestJob] = ("*/15 * * * *", nameof(DailyDigest)),
        };

        using var connection = storage.GetConnection();
        var scheduled = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => (j.Cron, j.Job.Type.Name));
        Assert.Equal(expected, scheduled);

        // Triggered now rather than waiting for their time: they run through the real job activator and succeed.
        await RecurringJobRuns.TriggerAndWaitAsync(app.Services, expected.Keys);
    }
}
