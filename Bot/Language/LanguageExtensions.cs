using Microsoft.Extensions.Localization;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Language;

public static class LanguageExtensions
{
    /// <summary>Localized resources (IStringLocalizer over .resx) and the per-turn culture.</summary>
    public static IHostApplicationBuilder AddLanguage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTranslatableLocalization();
        builder.Services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section);
        builder.Services.AddSingleton<SupportedCultures>();
        builder.Services.AddSingleton<TimeZones>();
        builder.Services.AddSingleton<LanguageMemory>();
        builder.Services.AddSingleton<IMiddleware, TurnCultureMiddleware>();
        return builder;
    }

    /// <summary>IStringLocalizer over .resx, its strings recorded so that a question can be asked again in another language.</summary>
    public static IServiceCollection AddTranslatableLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, TranslatableStringLocalizerFactory>();
        return services;
    }
}
