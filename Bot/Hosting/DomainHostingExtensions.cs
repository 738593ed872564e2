using CrmBot.Domain;
using CrmBot.Domain.Common;
using CrmBot.Domain.Persistence;

namespace CrmBot.Hosting;

/// <summary>The domain layer in the host: its settings from configuration, and the database brought up to date on start.</summary>
public static class DomainHostingExtensions
{
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.DataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddCrmDomain();
        return builder;
    }

    /// <summary>Applies migrations (and loads the demo shop into an empty database) before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDatabase>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
