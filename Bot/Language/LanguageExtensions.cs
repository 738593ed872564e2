using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace CrmBot.Language;

public static class LanguageExtensions
{
    /// <summary>Localized resources (IStringLocalizer over .resx) and the per-turn culture.</summary>
    public static IHostApplicationBuilder AddLanguage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section);
        builder.Services.AddSingleton<SupportedCultures>();
        builder.Services.AddSingleton<TimeZones>();
        builder.Services.AddSingleton<IMiddleware, TurnCultureMiddleware>();
        return builder;
    }
}
