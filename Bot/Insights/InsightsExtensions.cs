using CrmBot.Domain.Insights;

namespace CrmBot.Insights;

public static class InsightsExtensions
{
    /// <summary>The purchase model (section "Insights"): kept in use by <see cref="PurchaseModelLoader"/>, retrained nightly by a job.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PurchaseModelOptions>()
            .BindConfiguration(PurchaseModelOptions.Section)
            .Validate(o => o.HorizonDays is > 0 and <= 365, "Insights:HorizonDays must be between 1 and 365.")
            .Validate(o => o.Snapshots is >= 2 and <= 60, "Insights:Snapshots must be between 2 and 60.")
            .ValidateOnStart();
        builder.Services.AddHostedService<PurchaseModelLoader>();
        return builder;
    }
}
