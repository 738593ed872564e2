using CrmBot.Workflows.Engine;

namespace CrmBot.Workflows;

public static class WorkflowsExtensions
{
    /// <summary>The sales workflow rules, read at start and on every change of the workflows file.</summary>
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section);
        builder.Services.AddSingleton<WorkflowCatalog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkflowCatalog>());
        builder.Services.AddSingleton<WorkflowSwitchboard>();
        builder.Services.AddSingleton<WorkflowMessages>();
        builder.Services.AddSingleton<WorkflowNoticeCard>();
        builder.Services.AddSingleton<WorkflowActions>();
        builder.Services.AddSingleton<MassSendGuard>();
        builder.Services.AddSingleton<WorkflowEventIntake>();
        builder.Services.AddSingleton<WorkflowTriggerScan>();
        builder.Services.AddSingleton<WorkflowExecutor>();
        builder.Services.AddSingleton<WorkflowJobs>();
        return builder;
    }

    /// <summary>The workflows file's JSON Schema at a stable URL, for editors ("$schema").</summary>
    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder app)
    {
        app.MapGet(WorkflowSchema.Url, () => Results.Text(WorkflowSchema.Text, "application/schema+json"))
            .ExcludeFromDescription();
        return app;
    }
}
