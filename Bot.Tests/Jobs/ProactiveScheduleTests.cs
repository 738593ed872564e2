using CrmBot.Proactive;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

[Collection(HangfireHosts.Name)]
public sealed class ProactiveScheduleTests
{
    [Fact]
    public async Task RepRemindersAreLookedForEveryMinuteAndTheJobRuns()
    {
        await using var app = new JobsApplication();
        var storage = app.Services.GetRequiredService<JobStorage>();

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ProactiveSchedule.RepRemindersJob);
        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal(nameof(ReminderDelivery), job.Job.Type.Name);

        // Triggered now rather than waiting for the minute: it runs through the real job activator and succeeds.
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ProactiveSchedule.RepRemindersJob);
        var monitoring = storage.GetMonitoringApi();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (monitoring.SucceededListCount() == 0 && monitoring.FailedCount() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, monitoring.FailedCount());
        Assert.Equal(1, monitoring.SucceededListCount());
    }
}
