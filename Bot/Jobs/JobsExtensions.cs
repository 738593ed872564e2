using CrmBot.Domain.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CrmBot.Jobs;

public static partial class JobsExtensions
{
    public const string DashboardPath = "/hangfire";
    private const string KeysFolder = "keys";

    /// <summary>
    /// Hangfire (section "Jobs"): the job storage, <see cref="IBackgroundJobClient"/> and <see cref="IRecurringJobManager"/>
    /// to schedule jobs, and, unless Jobs:Enabled is false, the server that runs them. A job gets its services
    /// (<see cref="TimeProvider"/> for the time included) from a scope of its own.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.Section)
            .Validate(o => o.WorkerCount is > 0 and <= 100, "Jobs:WorkerCount must be between 1 and 100.")
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100), "Jobs:PollInterval must be at least 100 ms.")
            .ValidateOnStart();

        // This app's own storage and activator rather than Hangfire's process-wide JobStorage.Current and
        // JobActivator.Current, which another host in the same process (tests) would replace. Registered before
        // AddHangfire, which only adds its own when there are none.
        services.AddSingleton(provider =>
        {
            // Resolving the configuration runs the callback below first, as Hangfire's own registration does.
            provider.GetRequiredService<IGlobalConfiguration>();
            return JobStorageFactory.Create(
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                provider.GetRequiredService<IOptions<JobsOptions>>().Value);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));

        // AddHangfire also sends Hangfire's logging to Microsoft.Extensions.Logging (categories "Hangfire.*").
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // The dashboard checks ASP.NET Core's antiforgery token on every change: a browser that keeps the Basic
        // credentials must not let another site delete or trigger jobs. The tokens' keys stay in the data folder.
        services.AddAntiforgery();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DatabaseOptions>, ILoggerFactory>((keys, database, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(database.Value.DataDirectory, KeysFolder)), loggers));

        if (builder.Configuration.GetValue($"{JobsOptions.Section}:{nameof(JobsOptions.Enabled)}", defaultValue: true))
        {
            services.AddHangfireServer((provider, server) =>
            {
                var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.ServerName = $"crmbot-{Environment.MachineName}";
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = jobs.PollInterval;
            });
            services.AddHostedService<JobSchedule>();
        }

        return builder;
    }

    /// <summary>
    /// The dashboard at /hangfire, when jobs are enabled: for the configured Basic credentials (Jobs:Dashboard), and in
    /// Development also read-only for requests from this machine. Elsewhere, without credentials, it is not served.
    /// </summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (!jobs.Enabled)
        {
            return app;
        }

        var development = app.Environment.IsDevelopment();
        if (!development && !jobs.Dashboard.IsConfigured)
        {
            LogDashboardOff(app.Logger, DashboardPath);
            return app;
        }

        var authorization = new DashboardAuthorization(jobs.Dashboard, openToLocalRequests: development);
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "CrmBot jobs",
            Authorization = [authorization],
            IsReadOnlyFunc = authorization.IsReadOnly,
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The jobs dashboard ({Path}) is off: set Jobs:Dashboard:User and Jobs:Dashboard:PasswordHash to serve it.")]
    private static partial void LogDashboardOff(ILogger logger, string path);
}
