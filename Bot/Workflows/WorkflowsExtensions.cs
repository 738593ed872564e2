namespace CrmBot.Workflows;

public static class WorkflowsExtensions
{
    /// <summary>The sales workflow rules, read at start and on every change of the workflows file.</summary>
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section);
        builder.Services.AddSingleton<WorkflowCatalog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkflowCatalog>());
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
