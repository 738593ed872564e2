namespace CrmBot.Jobs;

/// <summary>Section "Jobs": the Hangfire server that runs proactive jobs, and its dashboard.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this instance runs jobs (the Hangfire server) and serves the dashboard. Off, nothing of Hangfire starts;
    /// jobs enqueued here wait in the storage for an instance that runs them.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs run at once. They mostly wait on the network and SQLite takes one writer at a time, so a few are enough for 2 cores.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs and the scheduler for due ones: the delay a job may wait beyond its time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public DashboardCredentials Dashboard { get; set; } = new();
}
