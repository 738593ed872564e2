using CrmBot.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBot.Tests.Jobs;

/// <summary>
/// The real app with its Hangfire server on (polling every 100 ms) and <see cref="SignalJob"/> to run. Give it
/// <paramref name="dataDirectory"/> to start on another app's data folder; <paramref name="settings"/> come on top.
/// Use it only in the <see cref="HangfireHosts"/> collection.
/// </summary>
public sealed class JobsApplication(
    string environment = "Development", IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null) : BotApplication
{
    public SignalJob Job { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Jobs:Enabled"] = "true",
        ["Jobs:WorkerCount"] = "1",
        ["Jobs:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (dataDirectory is not null)
        {
            builder.UseSetting("Database:DataDirectory", dataDirectory);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(Job));
    }
}
