using CrmBot.Analytics;
using CrmBot.Api;
using CrmBot.Channels;
using CrmBot.Conversations;
using CrmBot.DirectLine;
using CrmBot.Identity;
using CrmBot.Insights;
using CrmBot.Jobs;
using CrmBot.Language;
using CrmBot.Privacy;
using CrmBot.Proactive;
using CrmBot.State;
using CrmBot.Understanding;
using CrmBot.Workflows;

namespace CrmBot.Hosting;

/// <summary>The composition root: each feature registers and maps itself.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddCrmBot(this WebApplicationBuilder builder)
    {
        builder.AddLogRedaction();
        builder.Services.AddProblemDetails();
        builder.AddDomain();
        builder.AddInsights();
        builder.AddAnalytics();
        builder.AddBotState();
        builder.AddIdentity();
        builder.AddProactive();
        builder.AddWorkflows();
        builder.AddJobs();
        builder.AddLanguage();
        builder.AddUnderstanding();
        builder.AddConversations();
        builder.AddDirectLine();
        builder.AddApi();
        builder.AddUnexpectedErrorHandler();
        return builder;
    }

    public static WebApplication MapCrmBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.UseDirectLine();

        app.MapBotEndpoints();
        app.MapDirectLine();
        app.MapJobs();
        app.MapApi();
        app.MapWorkflows();

        app.PrintAddressesWhenStarted();
        return app;
    }
}
