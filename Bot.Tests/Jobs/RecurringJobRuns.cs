using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>Runs recurring jobs now, through the app's Hangfire server as their schedule would, and waits for each run.</summary>
public static class RecurringJobRuns
{
    public static async Task TriggerAndWaitAsync(IServiceProvider services, IReadOnlyCollection<string> jobIds)
    {
        var recurring = (IRecurringJobManagerV2)services.GetRequiredService<IRecurringJobManager>();
        var runs = jobIds.Select(id => (Id: id, Run: recurring.TriggerJob(id))).ToList();
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        foreach (var (id, run) in runs)
        {
            string? state;
            while ((state = connection.GetStateData(run)?.Name) != SucceededState.StateName && state != FailedState.StateName && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.True(state == SucceededState.StateName, $"The job '{id}' ended as {state ?? "nothing"}: {connection.GetStateData(run)?.Reason}");
        }
    }
}
