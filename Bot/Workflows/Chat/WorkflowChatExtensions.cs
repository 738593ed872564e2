using CrmBot.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBot.Workflows.Chat;

public static class WorkflowChatExtensions
{
    /// <summary>
    /// What reps can say about the sales workflows (list, pause, resume, release, discard, why a customer got a
    /// message). The rules come from the <see cref="WorkflowCatalog"/> that <c>AddWorkflows</c> registers.
    /// </summary>
    public static IServiceCollection AddWorkflowChat(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkflowSwitchboard>();
        services.AddSingleton<WorkflowActivity>();
        services.AddSingleton<HeldRuns>();
        services.AddSingleton<WorkflowText>();
        services.AddSingleton<RunExplanation>();
        services.AddScoped<WorkflowsDialog>();
        services.AddScoped<WhyMessageDialog>();
        return services;
    }
}
