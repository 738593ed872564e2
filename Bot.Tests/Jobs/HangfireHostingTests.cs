using System.Net;
using CrmBot.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>The app runs Hangfire on SQLite in its data folder: jobs run, and wait through a restart.</summary>
[Collection(HangfireHosts.Name)]
public sealed class HangfireHostingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _sharedFolder = Directory.CreateTempSubdirectory("crmbot-jobs-").FullName;

    [Fact]
    public async Task KeepsTheJobsInHangfireDbInTheDataFolder()
    {
        await using var app = new JobsApplication();

        _ = app.Services;

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, JobStorageFactory.SqliteFileName)));
    }

    [Fact]
    public async Task RunsAnEnqueuedJobWithItsArguments()
    {
        await using var app = new JobsApplication();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

        jobs.Enqueue<SignalJob>(job => job.Run("hello"));

        Assert.Equal("hello", await app.Job.Ran.WaitAsync(Patience, TestContext.Current.CancellationToken));
        var servers = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
        Assert.Contains(servers, server => server.Name.StartsWith($"crmbot-{Environment.MachineName}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AJobScheduledForLaterIsStillScheduledAfterARestartAndRunsThere()
    {
        string id;
        await using (var first = new JobsApplication(dataDirectory: _sharedFolder))
        {
            id = first.Services.GetRequiredService<IBackgroundJobClient>().Schedule<SignalJob>(job => job.Run("later"), TimeSpan.FromHours(1));
        }

        await using var second = new JobsApplication(dataDirectory: _sharedFolder);
        var monitoring = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        Assert.Equal(1, monitoring.ScheduledCount());
        Assert.Equal("Scheduled", monitoring.JobDetails(id).History[0].StateName);
        second.Services.GetRequiredService<IBackgroundJobClient>().Requeue(id);
        Assert.Equal("later", await second.Job.Ran.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WithJobsOffNothingOfHangfireStarts()
    {
        await using var app = new JobsApplication(settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        using var client = app.CreateClient();

        var dashboard = await client.GetAsync(new Uri(JobsExtensions.DashboardPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, JobStorageFactory.SqliteFileName)));
    }

    [Fact]
    public async Task AJobEnqueuedWhileJobsAreOffRunsOnAnInstanceThatRunsThem()
    {
        await using (var off = new JobsApplication(settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" }, dataDirectory: _sharedFolder))
        {
            off.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SignalJob>(job => job.Run("waited"));
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            Assert.False(off.Job.Ran.IsCompleted);
        }

        await using var on = new JobsApplication(dataDirectory: _sharedFolder);
        _ = on.Services;

        Assert.Equal("waited", await on.Job.Ran.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_sharedFolder, recursive: true);
    }
}
