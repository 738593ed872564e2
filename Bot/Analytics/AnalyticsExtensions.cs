using CrmBot.Domain.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBot.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>The analytics figures (section "Analytics": active and churn days, top list length) and their charts.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>()
            .BindConfiguration(AnalyticsOptions.Section)
            .Validate(o => o.ActiveDays > 0 && o.ChurnDays >= o.ActiveDays, "Analytics:ActiveDays must be positive and at most Analytics:ChurnDays.")
            .Validate(o => o.TopCount is > 0 and <= 50, "Analytics:TopCount must be between 1 and 50.")
            .ValidateOnStart();
        builder.Services.AddAnalyticsCharts();
        return builder;
    }

    /// <summary>The figures and the charts, for the chat dialog and the HTTP API; safe to call twice.</summary>
    public static IServiceCollection AddAnalyticsCharts(this IServiceCollection services)
    {
        services.AddCrmAnalytics();
        services.TryAddSingleton<AnalyticsCharts>();
        return services;
    }
}
