using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>Runs recurring jobs now, through the app's Hangfire server as their schedule would, and waits for them.</summary>
public static class RecurringJobRuns
{
    public static async Task TriggerAndWaitAsync(IServiceProvider services, IReadOnlyCollection<string> jobIds)
    {
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var finished = monitoring.SucceededListCount() + jobIds.Count;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        foreach (var id in jobIds)
        {
            recurring.Trigger(id);
        }

        // The schedule may start one of them by itself meanwhile, when a real minute begins: at least these, then none left.
        bool Done() => monitoring.SucceededListCount() >= finished && monitoring.ProcessingCount() == 0 && monitoring.EnqueuedCount("default") == 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Done() && monitoring.FailedCount() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, monitoring.FailedCount());
        Assert.True(Done(), "The triggered jobs did not all finish within 30 seconds.");
    }
}
