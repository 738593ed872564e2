using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBot.Domain.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The figure queries (scoped, over the request's context) and the shop's calendar; safe to call twice.</summary>
    public static IServiceCollection AddCrmAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>();
        services.TryAddSingleton<ShopCalendar>();
        services.TryAddScoped<CustomerAnalytics>();
        services.TryAddScoped<OrderAnalytics>();
        services.TryAddScoped<TopLists>();
        return services;
    }
}
